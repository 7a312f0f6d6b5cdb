/** The SeaS tiny benchmark of seas.md §14.3 (fine-tune steps/s, images/s); returns rows, prints nothing. */
package org.anomalyforge.generator.bench;
