package org.anomalyforge.ingest.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A dataset of one or more products in MVTec AD layout, products sorted by name.
 *
 * @param root the folder that was read (a folder of products, or one product folder)
 */
public record Dataset(Path root, List<Product> products) {
    public Dataset {
        products = List.copyOf(products);
    }

    public Optional<Product> product(String name) {
        return products.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public List<String> productNames() {
        return products.stream().map(Product::name).toList();
    }
}
