package org.anomalyforge.jobs.generator;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import org.anomalyforge.generator.ShotImage;
import org.anomalyforge.jobs.segmenter.TrainingInputs;
import org.anomalyforge.segmenter.SampleOrigin;
import org.apache.spark.sql.Row;

/**
 * One product's SeaS training data as the facade takes it, from the {@link TrainingInputs} rows of a Spark group
 * (id, origin, defect type, image, mask). Rows are sorted by id first, so stage 1 and stage 2 see the same order
 * whatever the shuffle did.
 */
record SeasTrainingRows(List<ShotImage> anomalies, List<byte[]> normals) {

    static SeasTrainingRows of(Iterator<Row> rows) {
        List<Row> all = new ArrayList<>();
        rows.forEachRemaining(all::add);
        all.sort(Comparator.comparing(r -> r.getString(1)));
        List<ShotImage> anomalies = new ArrayList<>();
        List<byte[]> normals = new ArrayList<>();
        for (Row r : all) {
            if (SampleOrigin.valueOf(r.getString(2)) == SampleOrigin.NORMAL) {
                normals.add((byte[]) r.get(4));
            } else {
                anomalies.add(new ShotImage(r.getString(1), r.getString(3), (byte[]) r.get(4), (byte[]) r.get(5)));
            }
        }
        return new SeasTrainingRows(List.copyOf(anomalies), List.copyOf(normals));
    }
}
