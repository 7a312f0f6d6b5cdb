package org.anomalyforge.ingest.dataset;

import java.util.List;

/**
 * Everything {@link DatasetValidator} found: issues in file order, and per-group statistics.
 */
public record ValidationReport(Dataset dataset, List<DatasetIssue> issues, List<GroupStats> groups) {

    public ValidationReport {
        issues = List.copyOf(issues);
        groups = List.copyOf(groups);
    }

    public List<DatasetIssue> errors() {
        return issues.stream().filter(i -> i.severity() == DatasetIssue.Severity.ERROR).toList();
    }

    public List<DatasetIssue> warnings() {
        return issues.stream().filter(i -> i.severity() == DatasetIssue.Severity.WARNING).toList();
    }

    /** True when there is no error (warnings allowed). */
    public boolean ok() {
        return errors().isEmpty();
    }
}
