package org.origincheck.domain.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.origincheck.domain.bom.BillOfMaterials;
import org.origincheck.engine.DroolsLogLevels;
import org.origincheck.engine.DroolsOriginEngine;
import org.origincheck.rulepack.LoadedRulePack;
import org.origincheck.rulepack.PackSource;
import org.origincheck.rulepack.RulePackLoader;

/**
 * The executable model compiled during the build (issue 19) and the same DRL compiled at startup, as before, are the same
 * rules: they reach the same determination, reason for reason, on any BOM of the engine agreement properties.
 */
class PrebuiltModelAgreementProperties {

    private static LoadedRulePack loaded;
    private static DroolsOriginEngine fromTheBuild;
    private static DroolsOriginEngine atStartup;

    @BeforeContainer
    static void compileBoth() {
        DroolsLogLevels.asInTheService();
        loaded = new RulePackLoader().load(PackSource.directory(Path.of("rules/usmca")));
        ClassLoader application = PrebuiltModelAgreementProperties.class.getClassLoader();
        fromTheBuild = new DroolsOriginEngine(application, true);
        assertThat(fromTheBuild.compile(loaded)).startsWith("from the prebuilt executable model");
        atStartup = new DroolsOriginEngine(application, false);
        assertThat(atStartup.compile(loaded)).startsWith("compiled from the DRL at startup");
    }

    @Provide
    Arbitrary<BillOfMaterials> boms() {
        return new EngineAgreementProperties().boms();
    }

    @Property(tries = 500)
    void theModelCompiledDuringTheBuildDecidesAsTheDrlCompiledAtStartup(@ForAll("boms") BillOfMaterials bom) {
        assertThat(fromTheBuild.evaluate(bom, loaded.pack())).isEqualTo(atStartup.evaluate(bom, loaded.pack()));
    }
}
