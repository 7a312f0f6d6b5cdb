/**
 * The model store shared by every model module: {@code <store>/<product>/<kind>/<run-id>/} holding
 * {@code config.json}, weights as safetensors and a {@code manifest.json} with the SHA-256 of every file.
 * Runs are staged and committed atomically; opening a run verifies it.
 */
package org.anomalyforge.ingest.store;
