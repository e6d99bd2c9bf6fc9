/**
 * JMH benchmarks, kept out of the test run and out of {@code poker-server.jar}: compiled only under the Maven
 * profile {@code bench}, which packs them into {@code server/target/benchmarks.jar}. They print figures; nothing
 * here asserts on time.
 */
package io.chipledger.server.bench;
