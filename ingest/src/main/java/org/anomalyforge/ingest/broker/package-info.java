/** A real single-node KRaft Kafka broker inside the JVM, for laptops, tests and the demo (STACK.md §5.1). */
package org.anomalyforge.ingest.broker;
