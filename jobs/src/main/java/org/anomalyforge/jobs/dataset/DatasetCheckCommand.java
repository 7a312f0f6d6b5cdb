package org.anomalyforge.jobs.dataset;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.Callable;
import org.anomalyforge.ingest.dataset.Dataset;
import org.anomalyforge.ingest.dataset.DatasetIssue;
import org.anomalyforge.ingest.dataset.DatasetValidator;
import org.anomalyforge.ingest.dataset.MvtecDatasetReader;
import org.anomalyforge.ingest.dataset.ValidationReport;
import org.anomalyforge.ingest.image.ImageCodec;
import org.anomalyforge.jobs.cli.Progress;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code forge dataset check DIR}: decode everything, report every problem by file, print the split. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Validate a dataset in MVTec AD layout (a folder of products, or one product folder) and "
                + "print per product and defect type: images, masks, the few-shot split and image sizes.",
                "Exits with 1 if any error is found; warnings (soft masks, stray files) do not fail the check."},
        footer = {"", "Examples:", "  forge dataset check data/sample",
                "  forge dataset check ../shared/data/magnetic_tile --max-shots 3"})
public final class DatasetCheckCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "DIR", description = "dataset root or product folder")
    Path dir;

    @Option(names = "--max-shots", paramLabel = "K",
            description = "keep only the first K training shots per defect type (held-out set unchanged)")
    Integer maxShots;

    @Option(names = "--max-pixels", paramLabel = "N", defaultValue = "" + ImageCodec.DEFAULT_MAX_PIXELS,
            description = "refuse images larger than N pixels before decoding (default: ${DEFAULT-VALUE})")
    long maxPixels;

    @Option(names = "--issues", paramLabel = "N", defaultValue = "50",
            description = "print at most N issues of each severity (default: ${DEFAULT-VALUE}; 0 = all)")
    int issueLimit;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Dataset dataset = new MvtecDatasetReader().read(dir);
        long files = DatasetSummary.fileCount(dataset);
        ValidationReport report;
        try (Progress progress = Progress.start("check", files, "file")) {
            report = new DatasetValidator(new ImageCodec(maxPixels)).validate(dataset, progress::stepTo);
        }
        OptionalInt cap = maxShots == null ? OptionalInt.empty() : OptionalInt.of(maxShots);
        out.println();
        out.print(DatasetSummary.splitTable(report, cap));
        printIssues(out, "errors", report.errors());
        printIssues(out, "warnings", report.warnings());
        out.println();
        out.println(DatasetSummary.closingLine(report));
        out.flush();
        return report.ok() ? 0 : 1;
    }

    private void printIssues(PrintWriter out, String title, List<DatasetIssue> issues) {
        if (issues.isEmpty()) {
            return;
        }
        out.println();
        out.println(issues.size() + " " + title + ":");
        int shown = issueLimit == 0 ? issues.size() : Math.min(issueLimit, issues.size());
        for (DatasetIssue issue : issues.subList(0, shown)) {
            out.println("  " + issue.file() + ": " + issue.problem());
        }
        if (shown < issues.size()) {
            out.println("  … and " + (issues.size() - shown) + " more (use --issues 0 to list all)");
        }
    }
}
