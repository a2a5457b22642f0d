package org.sakkaya.platform.persistence;

import com.fasterxml.uuid.Generators;
import com.fasterxml.uuid.impl.TimeBasedEpochRandomGenerator;

/**
 * Opaque record ids: UUID version 7. Time-ordered, so InnoDB inserts stay near the end of the index, with 74 random
 * bits, so one id tells nothing useful about the next.
 */
public final class Ids {
    private static final TimeBasedEpochRandomGenerator GENERATOR = Generators.timeBasedEpochRandomGenerator();

    private Ids() {
    }

    public static String next() {
        return GENERATOR.generate().toString();
    }
}
