package org.sakkaya.platform.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An upload's bytes are in the store before its record commits, and bytes no record names do not stay. */
class FileStoreDurabilityTest {
    @TempDir
    Path root;

    private Path incoming(String name, String content) throws IOException {
        Files.createDirectories(root.resolve("incoming"));
        return Files.writeString(root.resolve("incoming").resolve(name), content, StandardCharsets.UTF_8);
    }

    @Test
    void theBytesAreInTheStoreBeforeTheRecordCommitsAndStayWhenItDoes() throws IOException {
        Path incoming = incoming("upload-1", "รายงานภาคสนาม");
        Path target = root.resolve("0193a5b0-7e1c-7a4e-9c1f-2b3c4d5e6f70");
        Synchronization move = FileStore.moveIn(incoming, target);

        move.beforeCompletion();
        assertThat(target).hasContent("รายงานภาคสนาม");
        assertThat(incoming).doesNotExist();
        move.afterCompletion(Status.STATUS_COMMITTED);
        assertThat(target).hasContent("รายงานภาคสนาม");
    }

    @Test
    void aCommitThatFailsAfterTheMoveTakesTheBytesAwayAgain() throws IOException {
        Path incoming = incoming("upload-2", "x");
        Path target = root.resolve("0193a5b0-7e1c-7a4e-9c1f-2b3c4d5e6f71");
        Synchronization move = FileStore.moveIn(incoming, target);

        move.beforeCompletion();
        move.afterCompletion(Status.STATUS_ROLLEDBACK);
        assertThat(target).doesNotExist();
        assertThat(incoming).doesNotExist();
    }

    @Test
    void aRollbackBeforeTheMoveLeavesNothing() throws IOException {
        Path incoming = incoming("upload-3", "x");
        Path target = root.resolve("0193a5b0-7e1c-7a4e-9c1f-2b3c4d5e6f72");
        FileStore.moveIn(incoming, target).afterCompletion(Status.STATUS_ROLLEDBACK);
        assertThat(incoming).doesNotExist();
        assertThat(target).doesNotExist();
    }

    @Test
    void aMoveThatCannotBeMadeFailsTheCommitInsteadOfBeingLogged() throws IOException {
        Path incoming = incoming("upload-4", "x");
        Path target = root.resolve("gone").resolve("0193a5b0-7e1c-7a4e-9c1f-2b3c4d5e6f73");
        Synchronization move = FileStore.moveIn(incoming, target);

        // the transaction manager rolls back a transaction whose synchronisation throws before completion
        assertThatThrownBy(move::beforeCompletion).isInstanceOf(UncheckedIOException.class);
        move.afterCompletion(Status.STATUS_ROLLEDBACK);
        assertThat(incoming).doesNotExist();
    }

    @Test
    void theSweepDeletesOnlyOldBytesThatNoRecordNames() throws IOException {
        Instant now = Instant.parse("2026-11-27T03:00:00Z");
        Instant old = now.minus(Duration.ofHours(2));
        Path recorded = aged(Files.writeString(root.resolve("0193a5b0-7e1c-7a4e-9c1f-2b3c4d5e6f01"), "kept"), old);
        Path orphan = aged(Files.writeString(root.resolve("0193a5b0-7e1c-7a4e-9c1f-2b3c4d5e6f02"), "erased person's file"), old);
        Path young = aged(Files.writeString(root.resolve("0193a5b0-7e1c-7a4e-9c1f-2b3c4d5e6f03"), "committing now"), now.minusSeconds(60));
        Path foreign = aged(Files.writeString(root.resolve("README"), "not ours"), old);
        Path deadUpload = aged(incoming("6f1c-dead", "a request that died"), old);
        Path liveUpload = aged(incoming("6f1c-live", "a request streaming in"), now.minusSeconds(5));
        AtomicInteger asked = new AtomicInteger();

        int deleted = FileStore.sweep(root, now.minus(Duration.ofHours(1)), ids -> {
            asked.addAndGet(ids.size());
            return ids.contains(recorded.getFileName().toString()) ? Set.of(recorded.getFileName().toString()) : Set.of();
        });

        assertThat(deleted).isEqualTo(2);
        assertThat(orphan).doesNotExist();
        assertThat(deadUpload).doesNotExist();
        assertThat(List.of(recorded, young, foreign, liveUpload)).allMatch(Files::exists);
        assertThat(asked).as("only old files with a record's name are looked up").hasValue(2);
    }

    @Test
    void aCopysSecondNameOfOldBytesIsNotTakenForADeadUploadWhileItsTransactionRuns() throws IOException {
        Instant now = Instant.parse("2026-11-27T03:00:00Z");
        // a lesson file uploaded last year, whose course is being copied now
        Path original = aged(Files.writeString(root.resolve("0193a5b0-7e1c-7a4e-9c1f-2b3c4d5e6f10"), "เอกสารประกอบบทเรียน"),
                now.minus(Duration.ofDays(365)));
        Files.createDirectories(root.resolve("incoming"));
        Path incoming = root.resolve("incoming").resolve("copy-1");

        FileStore.secondName(original, incoming, now);

        assertThat(incoming).hasContent("เอกสารประกอบบทเรียน");
        assertThat(FileStore.sweep(root, now.minus(Duration.ofHours(1)), ids -> Set.copyOf(ids))).isZero();
        assertThat(incoming).exists();
        // moved into the store before its record commits, it is not swept as bytes no record names either
        Path moved = root.resolve("0193a5b0-7e1c-7a4e-9c1f-2b3c4d5e6f11");
        FileStore.moveIn(incoming, moved).beforeCompletion();
        assertThat(FileStore.sweep(root, now.minus(Duration.ofHours(1)), ids -> Set.of(original.getFileName().toString()))).isZero();
        assertThat(moved).exists();
        assertThat(original).exists();
    }

    private static Path aged(Path file, Instant modified) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(modified));
        return file;
    }
}
