# Sourced by bench/profile.sh and bench/jit-windows.sh: CPU time from /proc, in ms, of a process or thread (cpu <pid|pid/task/tid>)
# and of the service's threads alive now by kind (threads, after `pid` is set): request (executor, event loop), JIT (C1, C2),
# GC and VM, other, printed as "request=<ms> jit=<ms> gc-vm=<ms> other=<ms>".
ticks=$(getconf CLK_TCK)
cpu() { awk -v t="$ticks" '{printf "%.0f", ($14 + $15) * 1000 / t}' "/proc/$1/stat"; } # ms
threads() {
  local t n k
  for t in /proc/$pid/task/*; do
    n=$(cat "$t/comm" 2> /dev/null) || continue
    case "$n" in
      executor-thread*|vert.x-eventlo*|vert.x-worker*) k=request ;;
      C1\ CompilerThre*|C2\ CompilerThre*) k=jit ;;
      "VM Thread"|GC*|"G1 "*|VM\ Periodic*) k=gc-vm ;;
      *) k=other ;;
    esac
    echo "$k $(cpu "${t#/proc/}" 2> /dev/null || echo 0)"
  done | awk '{s[$1] += $2} END {printf "request=%d jit=%d gc-vm=%d other=%d", s["request"], s["jit"], s["gc-vm"], s["other"]}'
}
