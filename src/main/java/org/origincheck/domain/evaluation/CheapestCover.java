package org.origincheck.domain.evaluation;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

/**
 * The cheapest set of non-originating materials whose origin would have to change, by value. Two constraints, either of
 * which may be absent: the materials that fail the tariff shift and stay non-originating must be worth at most the s.5(1)
 * de minimis allowance (so the changed ones among them must be worth at least {@code shiftTarget}), and the value removed
 * from VNM must be at least {@code rvcTarget} (Art. 4.5: RVC = (V - VNM) / V x 100, so the value needed is exact).
 *
 * <p>"The smallest total value of at least X" is a subset-sum problem: no greedy rule is exact in general (values 6, 5, 5
 * with X = 10: the largest first gives 11, the answer is 10). It is solved exactly by dynamic programming over the
 * reachable sums in the materials' smallest unit (cents, usually) when that is cheap enough; otherwise, and when a
 * material's value in VNM differs from its value (accumulation, Art. 4.11), a greedy answer is given with
 * {@code exact = false} and a lower bound that no set can beat.
 */
final class CheapestCover {

    /** Above this many reachable sums (4,194,304 cents = 41,943.04 in a currency with cents) the DP is not attempted. */
    static final int MAX_UNITS = 1 << 22;
    /** Above this many 64-bit word operations (items x sums / 64) the DP is not attempted: about 30 ms here. */
    static final long MAX_WORD_OPERATIONS = 1L << 25;
    /** Values with more decimals than this are not converted to whole units. */
    private static final int MAX_SCALE = 6;

    /** One material: {@code cost} its value, {@code cover} what changing its origin removes from VNM. */
    record Item(int position, BigDecimal cost, BigDecimal cover) {
    }

    /** The positions chosen, their total cost, whether that cost is the minimum, and a value no set can cost less than. */
    record Choice(List<Integer> positions, BigDecimal cost, boolean exact, BigDecimal lowerBound) {
    }

    private CheapestCover() {
    }

    /**
     * Minimises cost(SF) + cost(SG) over SF of {@code shiftItems} and SG of {@code otherItems}, with cost(SF) at least
     * {@code shiftTarget} and cover(SF and SG) at least {@code rvcTarget}. A target of zero or less is no constraint.
     * Both targets must be reachable (at most the items' totals), as they are when they come from a good's figures.
     */
    static Choice solve(List<Item> shiftItems, BigDecimal shiftTarget, List<Item> otherItems, BigDecimal rvcTarget) {
        boolean coverIsCost = shiftItems.stream().allMatch(i -> i.cost().compareTo(i.cover()) == 0)
                && otherItems.stream().allMatch(i -> i.cost().compareTo(i.cover()) == 0);
        Choice greedy = greedy(shiftItems, shiftTarget, otherItems, rvcTarget, coverIsCost);
        if (greedy.exact() || !coverIsCost) {
            return greedy;
        }
        Choice exact = dynamicProgramme(shiftItems, shiftTarget, otherItems, rvcTarget);
        return exact == null ? greedy : exact;
    }

    // ---- greedy, with a lower bound ----

    private static Choice greedy(List<Item> shiftItems, BigDecimal shiftTarget, List<Item> otherItems, BigDecimal rvcTarget,
                                 boolean coverIsCost) {
        List<Item> chosen = new ArrayList<>(fillThenCover(shiftItems, shiftTarget));
        BigDecimal covered = chosen.stream().map(Item::cover).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal remaining = rvcTarget.subtract(covered);
        if (remaining.signum() > 0) {
            List<Item> candidates = new ArrayList<>(otherItems);
            java.util.Set<Integer> taken = new java.util.HashSet<>();
            chosen.forEach(i -> taken.add(i.position()));
            shiftItems.stream().filter(i -> !taken.contains(i.position())).forEach(candidates::add);
            chosen.addAll(coverIsCost ? fillThenCover(candidates, remaining) : byRatio(candidates, remaining));
        }
        BigDecimal cost = chosen.stream().map(Item::cost).reduce(BigDecimal.ZERO, BigDecimal::add);
        List<Item> all = new ArrayList<>(shiftItems);
        all.addAll(otherItems);
        BigDecimal lower = shiftTarget.max(BigDecimal.ZERO).max(coverIsCost ? rvcTarget.max(BigDecimal.ZERO) : fractionalCost(all, rvcTarget));
        List<Integer> positions = chosen.stream().map(Item::position).sorted().toList();
        return new Choice(positions, cost, cost.compareTo(lower) <= 0, lower);
    }

    /**
     * Items whose cost is their cover, total at least {@code target}: the largest that still fit under the target first,
     * then the cheapest way to close the gap with one more item or one exchange of a chosen item for a larger one.
     */
    static List<Item> fillThenCover(List<Item> items, BigDecimal target) {
        if (target.signum() <= 0) {
            return List.of();
        }
        List<Item> sorted = new ArrayList<>(items);
        sorted.sort(Comparator.comparing(Item::cost).reversed());
        List<Item> taken = new ArrayList<>();
        List<Item> left = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (Item item : sorted) {
            if (sum.add(item.cost()).compareTo(target) <= 0) {
                taken.add(item);
                sum = sum.add(item.cost());
            } else {
                left.add(item);
            }
        }
        BigDecimal gap = target.subtract(sum);
        if (gap.signum() <= 0) {
            return taken;
        }
        // Every item left is larger than the gap (it did not fit when the gap was at least as large), so adding the smallest
        // closes it; exchanging a taken item t for a left item u closes it when u - t >= gap, and may overshoot less.
        Item add = left.isEmpty() ? null : left.get(left.size() - 1);
        BigDecimal bestOvershoot = add == null ? null : add.cost().subtract(gap);
        Item swapOut = null;
        Item swapIn = null;
        List<Item> takenAscending = new ArrayList<>(taken);
        takenAscending.sort(Comparator.comparing(Item::cost));
        for (Item u : left) {
            // the largest taken t with t <= u - gap
            BigDecimal limit = u.cost().subtract(gap);
            int lo = 0;
            int hi = takenAscending.size() - 1;
            int found = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (takenAscending.get(mid).cost().compareTo(limit) <= 0) {
                    found = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            if (found >= 0) {
                BigDecimal overshoot = limit.subtract(takenAscending.get(found).cost());
                if (bestOvershoot == null || overshoot.compareTo(bestOvershoot) < 0) {
                    bestOvershoot = overshoot;
                    swapOut = takenAscending.get(found);
                    swapIn = u;
                }
            }
        }
        if (swapIn != null) {
            List<Item> result = new ArrayList<>(taken);
            result.remove(swapOut);
            result.add(swapIn);
            return result;
        }
        if (add == null) {
            throw new IllegalArgumentException("target " + target + " exceeds the items' total");
        }
        taken.add(add);
        return taken;
    }

    /** Items taken by the most cover per unit of cost until {@code target} is covered (accumulated materials). */
    private static List<Item> byRatio(List<Item> items, BigDecimal target) {
        List<Item> sorted = items.stream().filter(i -> i.cover().signum() > 0).sorted(RATIO).toList();
        List<Item> taken = new ArrayList<>();
        BigDecimal covered = BigDecimal.ZERO;
        for (Item item : sorted) {
            if (covered.compareTo(target) >= 0) {
                break;
            }
            taken.add(item);
            covered = covered.add(item.cover());
        }
        if (covered.compareTo(target) < 0) {
            throw new IllegalArgumentException("target " + target + " exceeds the items' total cover");
        }
        return taken;
    }

    /** The cost of covering {@code target} when items may be taken in part: a lower bound of any whole choice. */
    private static BigDecimal fractionalCost(List<Item> items, BigDecimal target) {
        if (target.signum() <= 0) {
            return BigDecimal.ZERO;
        }
        BigDecimal covered = BigDecimal.ZERO;
        BigDecimal cost = BigDecimal.ZERO;
        for (Item item : items.stream().filter(i -> i.cover().signum() > 0).sorted(RATIO).toList()) {
            BigDecimal need = target.subtract(covered);
            if (item.cover().compareTo(need) >= 0) {
                // rounded down: a lower bound must never exceed the true minimum
                return cost.add(item.cost().multiply(need).divide(item.cover(), 6, RoundingMode.DOWN));
            }
            covered = covered.add(item.cover());
            cost = cost.add(item.cost());
        }
        return cost;
    }

    /** Most cover per unit of cost first; cost * cover' compared with cost' * cover, so no division. */
    private static final Comparator<Item> RATIO = (a, b) -> b.cover().multiply(a.cost()).compareTo(a.cover().multiply(b.cost()));

    // ---- exact dynamic programme over reachable sums ----

    /** Null when the instance is too large for the budget (the greedy answer then stands, marked as a bound). */
    private static Choice dynamicProgramme(List<Item> shiftItems, BigDecimal shiftTarget, List<Item> otherItems, BigDecimal rvcTarget) {
        int scale = 0;
        for (List<Item> list : List.of(shiftItems, otherItems)) {
            for (Item item : list) {
                scale = Math.max(scale, Math.max(0, item.cost().stripTrailingZeros().scale()));
            }
        }
        if (scale > MAX_SCALE) {
            return null;
        }
        long[] f = units(shiftItems, scale);
        long[] g = units(otherItems, scale);
        long totalF = Arrays.stream(f).sum();
        long totalG = Arrays.stream(g).sum();
        if (f.length > 0 && totalF < 0 || totalG < 0 || totalF + totalG > MAX_UNITS) {
            return null;
        }
        long operations = (long) f.length * (totalF / 64 + 1) + (long) g.length * (totalG / 64 + 1);
        if (operations > MAX_WORD_OPERATIONS) {
            return null;
        }
        long ts = Math.max(0, ceilingUnits(shiftTarget, scale));
        long tr = Math.max(0, ceilingUnits(rvcTarget, scale));
        int[] fromF = new int[(int) totalF + 1];
        long[] reachF = reachable(f, fromF);
        int[] fromG = new int[(int) totalG + 1];
        long[] reachG = reachable(g, fromG);
        // a: the shift-failing materials' sum, descending, so the RVC need (tr - a) rises and the next reachable sum of the
        // others at or above it can be found by a pointer that only moves up.
        long best = Long.MAX_VALUE;
        int bestA = -1;
        int bestB = -1;
        int b = 0;
        for (int a = (int) totalF; a >= ts; a--) {
            if (!isSet(reachF, a)) {
                continue;
            }
            long need = Math.max(0, tr - a);
            if (need > totalG) {
                break;
            }
            if (b < need) {
                b = (int) need;
            }
            while (b <= totalG && !isSet(reachG, b)) {
                b++;
            }
            if (b > totalG) {
                break;
            }
            if (a + (long) b <= best) {
                best = a + (long) b;
                bestA = a;
                bestB = b;
            }
        }
        if (bestA < 0) {
            return null;
        }
        List<Integer> positions = new ArrayList<>();
        walk(fromF, f, bestA, shiftItems, positions);
        walk(fromG, g, bestB, otherItems, positions);
        positions.sort(null);
        BigDecimal cost = BigDecimal.valueOf(best, scale);
        BigDecimal lower = shiftTarget.max(rvcTarget).max(BigDecimal.ZERO);
        return new Choice(positions, cost, true, cost.max(lower));
    }

    private static long[] units(List<Item> items, int scale) {
        long[] out = new long[items.size()];
        for (int i = 0; i < out.length; i++) {
            try {
                out[i] = items.get(i).cost().movePointRight(scale).longValueExact();
            } catch (ArithmeticException tooLarge) {
                return new long[] {-1};
            }
        }
        return out;
    }

    private static long ceilingUnits(BigDecimal value, int scale) {
        BigDecimal units = value.movePointRight(scale).setScale(0, RoundingMode.CEILING);
        return units.compareTo(BigDecimal.valueOf(Long.MAX_VALUE / 4)) > 0 ? Long.MAX_VALUE / 4 : units.longValueExact();
    }

    /**
     * The subset sums of {@code weights}, as a bitset; {@code from[s]} is the item whose addition first reached s, so a
     * sum is taken apart by walking back: s - weight(from[s]) was reached by earlier items only.
     */
    private static long[] reachable(long[] weights, int[] from) {
        int bits = from.length;
        long[] reach = new long[(bits + 63) / 64];
        reach[0] = 1L;
        from[0] = -1;
        for (int item = 0; item < weights.length; item++) {
            int k = (int) weights[item];
            if (k == 0) {
                continue;
            }
            int wordShift = k >>> 6;
            int bitShift = k & 63;
            for (int j = reach.length - 1; j >= wordShift; j--) {
                long shifted = reach[j - wordShift] << bitShift;
                if (bitShift != 0 && j - wordShift - 1 >= 0) {
                    shifted |= reach[j - wordShift - 1] >>> (64 - bitShift);
                }
                long fresh = shifted & ~reach[j];
                if (fresh != 0) {
                    reach[j] |= fresh;
                    while (fresh != 0) {
                        int bit = Long.numberOfTrailingZeros(fresh);
                        int sum = (j << 6) + bit;
                        if (sum < bits) {
                            from[sum] = item;
                        }
                        fresh &= fresh - 1;
                    }
                }
            }
        }
        return reach;
    }

    private static boolean isSet(long[] bits, long index) {
        return (bits[(int) (index >>> 6)] & (1L << (index & 63))) != 0;
    }

    private static void walk(int[] from, long[] weights, int sum, List<Item> items, List<Integer> positions) {
        int s = sum;
        while (s > 0) {
            int item = from[s];
            positions.add(items.get(item).position());
            s -= (int) weights[item];
        }
    }
}
