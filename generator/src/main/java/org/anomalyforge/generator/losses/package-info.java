/**
 * SeaS training losses (seas.md §6, §7.3–7.4): ε-MSE on anomaly and normal items, the DA loss with global min–max
 * normalisation and soft mask targets, and the stage-0 autoencoder loss.
 */
package org.anomalyforge.generator.losses;
