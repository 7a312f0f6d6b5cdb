package org.anomalyforge.jobs.generator;

import java.util.List;
import org.anomalyforge.ingest.dataset.Dataset;
import org.anomalyforge.ingest.dataset.Product;

/** Product selection shared by the generator commands. */
public final class GeneratorInputs {
    private GeneratorInputs() {}

    /** The named products of {@code dataset} in its order, or all when {@code names} is empty. */
    public static List<Product> select(Dataset dataset, List<String> names) {
        if (names.isEmpty()) {
            return dataset.products();
        }
        for (String n : names) {
            if (dataset.product(n).isEmpty()) {
                throw new IllegalArgumentException("product '" + n + "' is not in " + dataset.root() + "; it has "
                        + dataset.productNames());
            }
        }
        return dataset.products().stream().filter(p -> names.contains(p.name())).toList();
    }
}
