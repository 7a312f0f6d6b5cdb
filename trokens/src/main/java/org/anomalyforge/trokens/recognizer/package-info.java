/**
 * The recogniser facade: load a trained model from the model store, register support clips per class, and
 * classify precomputed clips with label, confidence and per-class scores, using plain Java types only.
 */
package org.anomalyforge.trokens.recognizer;
