package org.anomalyforge.jobs.bench;

import picocli.CommandLine.Command;

/** {@code forge bench}: benchmarks that print tables (never timing assertions in tests). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Benchmarks that print a table.",
        subcommands = {BenchSegmenterCommand.class, BenchGeneratorCommand.class, BenchStreamCommand.class,
                BenchTrokensCommand.class})
public final class BenchCommand {}
