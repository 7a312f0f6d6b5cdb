package org.anomalyforge.jobs.generator;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.anomalyforge.generator.checkpoint.Sd14Import;
import org.anomalyforge.generator.config.SeasModelConfig;
import org.anomalyforge.generator.weights.ImportReport;
import org.anomalyforge.jobs.cli.ForgeVersion;
import org.anomalyforge.jobs.cli.TextTable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code forge generator import-sd14}: checked import of Stable Diffusion v1-4 weights into the model store. */
@Command(name = "import-sd14", mixinStandardHelpOptions = true,
        description = {"Check a diffusers Stable Diffusion v1-4 folder (unet/, vae/, text_encoder/ safetensors; tokenizer/ "
                + "vocab.json + merges.txt; scheduler/scheduler_config.json) against the sd14 architecture — every "
                + "tensor name, shape and dtype, strictly — and copy it into the model store as "
                + "<store>/<product>/sd14-base/<run-id>/ with a SHA-256 manifest.",
                "The run keeps the diffusers layout, so it can be passed to 'forge generator finetune --profile sd14 "
                        + "--init <run>'. PyTorch .bin/.ckpt pickles are never read: convert them to safetensors first."},
        footer = {"", "Example:", "  forge generator import-sd14 --from ~/models/stable-diffusion-v1-4 --store models"})
public final class ImportSd14Command implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--from", required = true, paramLabel = "DIFFUSERS_DIR", description = "diffusers pipeline folder")
    Path from;

    @Option(names = "--store", required = true, paramLabel = "DIR", description = "model store")
    Path store;

    @Option(names = "--product", defaultValue = "sd14", description = "store key (default: ${DEFAULT-VALUE})")
    String product;

    @Override
    public Integer call() throws Exception {
        Sd14Import.Result r = Sd14Import.run(from, SeasModelConfig.sd14(), store, product, ForgeVersion.version());
        TextTable t = new TextTable("component", "file", "tensors", "values");
        for (ImportReport report : r.reports()) {
            t.row(report.component().label(), from.relativize(report.file()), report.tensorsLoaded(),
                    report.valuesLoaded());
        }
        PrintWriter w = spec.commandLine().getOut();
        w.print(t);
        w.println("Tokenizer: " + r.vocabSize() + " tokens. Imported to " + r.run().dir());
        w.flush();
        return 0;
    }
}
