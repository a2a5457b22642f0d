package org.sakkaya.platform.files;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.apache.tika.Tika;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.sakkaya.platform.problem.InvalidInput;

/**
 * Uploaded files, kept in a folder ({@code sakkaya.files.dir}) under generated names. The type is read from the
 * content's magic bytes (Apache Tika), the size is counted while the bytes stream in, and the file moves into the
 * store, on disk, as the transaction that records it commits: a refused or rolled-back upload leaves nothing behind,
 * and a record the client was told of never names bytes that are not there. Bytes no record names (a process killed
 * between the move and the commit, or between an erasure's commit and the delete) are swept every hour
 * ({@link FileStoreSweep}).
 */
@ApplicationScoped
public class FileStore {
    private static final Logger LOG = Logger.getLogger(FileStore.class.getName());


    private static final Tika TIKA = new Tika();

    /** The main part's content type, as an Office package's {@code [Content_Types].xml} declares it, and what it is. */
    private static final Map<String, String> OOXML_MAIN_PARTS = Map.of(
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
            "application/vnd.openxmlformats-officedocument.presentationml.presentation");

    /** ISO base media brands of MP4 files, which Tika without a name calls QuickTime. */
    private static final Set<String> MP4_BRANDS = Set.of("isom", "iso2", "iso4", "iso5", "iso6", "mp41", "mp42", "mp4v", "avc1",
            "dash", "M4V ");

    /**
     * What Sakkaya accepts (documents, spreadsheets, slides, images and short video), with what a stored file's name
     * ends with for each: a download is saved under that name.
     */
    private static final Map<String, List<String>> EXTENSIONS = Map.of(
            "application/pdf", List.of(".pdf"),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document", List.of(".docx"),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", List.of(".xlsx"),
            "application/vnd.openxmlformats-officedocument.presentationml.presentation", List.of(".pptx"),
            "image/png", List.of(".png"),
            "image/jpeg", List.of(".jpg", ".jpeg"),
            "image/gif", List.of(".gif"),
            "image/webp", List.of(".webp"),
            "video/mp4", List.of(".mp4", ".m4v"),
            "video/quicktime", List.of(".mov"));

    /** The media types Sakkaya accepts. */
    public static final Set<String> ACCEPTED = EXTENSIONS.keySet();

    /**
     * The media type of a stored upload, by its content only: the name it came with is not asked, as it would be
     * believed whenever the magic bytes say less than it does (any unknown bytes named {@code x.pdf} were taken as a
     * PDF, any ZIP named {@code x.docx} as a Word file). An Office file is a ZIP package whose
     * {@code [Content_Types].xml} declares a Word, Excel or PowerPoint main part; one holding macros
     * ({@code vbaProject.bin}) is not one of them. Only that entry (at most 1 MiB) and the entry names are read.
     */
    static String detect(Path file) throws IOException {
        String type;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file))) {
            type = TIKA.detect(in);
        }
        if (type.equals("video/quicktime")) {
            return mp4Brand(file) ? "video/mp4" : type;
        }
        if (!type.equals("application/zip") && !type.equals("application/x-tika-ooxml")) {
            return type;
        }
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile())) {
            java.util.zip.ZipEntry types = zip.getEntry("[Content_Types].xml");
            if (types == null || zip.stream().anyMatch(e -> e.getName().toLowerCase(java.util.Locale.ROOT).endsWith("vbaproject.bin"))) {
                return "application/zip";
            }
            String declared;
            try (InputStream in = zip.getInputStream(types)) {
                byte[] head = in.readNBytes(1 << 20);
                declared = new String(head, java.nio.charset.StandardCharsets.UTF_8);
            }
            for (Map.Entry<String, String> main : OOXML_MAIN_PARTS.entrySet()) {
                if (declared.contains("ContentType=\"" + main.getKey() + "\"")) {
                    return main.getValue();
                }
            }
            return "application/zip";
        } catch (java.util.zip.ZipException e) {
            return "application/octet-stream";
        }
    }

    /** Whether an ISO base media file's {@code ftyp} brand (bytes 8 to 11) is an MP4 one. */
    private static boolean mp4Brand(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] head = in.readNBytes(12);
            return head.length == 12 && head[4] == 'f' && head[5] == 't' && head[6] == 'y' && head[7] == 'p'
                    && MP4_BRANDS.contains(new String(head, 8, 4, java.nio.charset.StandardCharsets.ISO_8859_1));
        }
    }

    /**
     * The name a file is kept and downloaded under ends as its type does: {@code report.jar} that is a Word file is
     * kept as {@code report.jar.docx}, so that the machine that saves it opens it as what it is.
     */
    static String withExtension(String name, String type) {
        List<String> extensions = EXTENSIONS.get(type);
        if (extensions == null || extensions.stream().anyMatch(e -> name.toLowerCase(java.util.Locale.ROOT).endsWith(e))) {
            return name;
        }
        return name + extensions.get(0);
    }

    /** The media type of bytes held in memory, by their content (magic bytes), as uploads are typed. */
    public static String typeOf(byte[] bytes) {
        return TIKA.detect(bytes);
    }

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Resource
    TransactionSynchronizationRegistry transactions;

    @Inject
    @ConfigProperty(name = "sakkaya.files.dir", defaultValue = "/var/lib/sakkaya/files")
    String directory;

    /** The setting of the largest file taken, and its default (25 MiB). */
    public static final String MAX_BYTES = "sakkaya.files.max-bytes";
    public static final String DEFAULT_MAX_BYTES = "26214400";

    @Inject
    @ConfigProperty(name = MAX_BYTES, defaultValue = DEFAULT_MAX_BYTES)
    long maxBytes;

    private Path root;

    @PostConstruct
    void prepare() {
        root = Path.of(directory);
        try {
            Files.createDirectories(root.resolve("incoming"));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use the file store at " + root + " (sakkaya.files.dir)", e);
        }
    }

    public long maxBytes() {
        return maxBytes;
    }

    /**
     * Streams an upload into the store and records it, in the caller's transaction.
     *
     * @param field how the request called the file, for error messages
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public StoredFile store(String field, InputStream content, String originalName, String uploadedBy) {
        String name = safeName(originalName);
        Path incoming = root.resolve("incoming").resolve(java.util.UUID.randomUUID().toString());
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            long size;
            try (InputStream in = new BufferedInputStream(content);
                 FileChannel channel = FileChannel.open(incoming, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                 OutputStream out = new DigestOutputStream(Channels.newOutputStream(channel), sha256)) {
                size = copyAtMost(in, out, maxBytes);
                out.flush();
                if (size > 0) {
                    channel.force(true);
                }
            }
            if (size < 0) {
                throw new FileTooLarge(field, maxBytes);
            }
            if (size == 0) {
                throw new InvalidInput(field, "is empty");
            }
            String type = detect(incoming);
            if (!ACCEPTED.contains(type)) {
                throw new UnsupportedFileType(field, type);
            }
            return record(new StoredFile(withExtension(name, type), type, size, HexFormat.of().formatHex(sha256.digest()), uploadedBy,
                    clock.instant()), incoming);
        } catch (IOException e) {
            deleteQuietly(incoming);
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            deleteQuietly(incoming);
            throw e;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A second stored file with the same bytes, name, type and size, recorded in the caller's transaction and moved
     * into the store when it commits, as an upload is. For a copy that must outlive its original (a copied course's
     * lesson). The bytes were checked when they came in and are not typed or measured again: a file stored under
     * older rules (typed by its name, or larger than a since-lowered {@code sakkaya.files.max-bytes}) is copied as
     * it is, not refused as a new upload would be. The caller keeps the original from being deleted meanwhile.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public StoredFile duplicate(StoredFile original, String copiedBy) {
        Path incoming = root.resolve("incoming").resolve(java.util.UUID.randomUUID().toString());
        try {
            // a second name for the same bytes, at once, where the file system allows it (the store's directories
            // share one): a course's copy holds the original course's row while it copies, and progress reports on
            // that course queue behind an edit waiting for it; deleting either name leaves the other's bytes
            secondName(root.resolve(original.id()), incoming, clock.instant());
            return record(new StoredFile(original.originalName(), original.mediaType(), original.sizeBytes(), original.sha256(),
                    copiedBy, clock.instant()), incoming);
        } catch (IOException e) {
            deleteQuietly(incoming);
            throw new UncheckedIOException("The bytes of file " + original.id() + " could not be copied", e);
        } catch (RuntimeException e) {
            deleteQuietly(incoming);
            throw e;
        }
    }

    /**
     * {@code incoming} as a second name of {@code original}'s bytes: a hard link where the file system allows it, else
     * a copy made durable. Either is dated {@code now}: a link shares the original's inode, and with it a date that may
     * be long past, which the hourly sweep would take for a dead upload (and, once moved into the store before its
     * record commits, for bytes no record names) while the copy's transaction runs.
     */
    static void secondName(Path original, Path incoming, java.time.Instant now) throws IOException {
        try {
            Files.createLink(incoming, original);
        } catch (UnsupportedOperationException | IOException noLink) {
            Files.copy(original, incoming);
            try (FileChannel channel = FileChannel.open(incoming, StandardOpenOption.WRITE)) {
                channel.force(true);
            }
        }
        Files.setLastModifiedTime(incoming, java.nio.file.attribute.FileTime.from(now));
    }

    /** The file's row now, and its bytes, waiting at {@code incoming}, moved into the store when the transaction commits. */
    private StoredFile record(StoredFile file, Path incoming) {
        em.persist(file);
        em.flush(); // rows that refer to it are written next; EclipseLink orders only mapped relationships
        moveInOnCommit(incoming, root.resolve(file.id()));
        return file;
    }

    public InputStream open(StoredFile file) {
        try {
            return Files.newInputStream(root.resolve(file.id()));
        } catch (IOException e) {
            throw new UncheckedIOException("The bytes of file " + file.id() + " are missing from the store", e);
        }
    }

    public StoredFile find(String id) {
        return em.find(StoredFile.class, id);
    }

    /** Removes a file and its record (PDPA erasure of a person's uploads). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void delete(StoredFile file) {
        em.remove(em.contains(file) ? file : em.merge(file));
        Path stored = root.resolve(file.id());
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    deleteQuietly(stored);
                }
            }
        });
    }

    private void moveInOnCommit(Path incoming, Path target) {
        transactions.registerInterposedSynchronization(moveIn(incoming, target));
    }

    /**
     * Moves an upload into the store just before its transaction commits, and makes the move durable: a move that
     * fails (a full disk) fails the commit, so the client is not told of a file that is not there, and a transaction
     * that then rolls back takes the bytes away again. (Until 2026-11-27 the move came after the commit, and a failure
     * or a crash in between left a committed record, answered 201 or replayed for its Idempotency-Key, whose bytes were
     * never in the store.)
     */
    static Synchronization moveIn(Path incoming, Path target) {
        return new Synchronization() {
            @Override
            public void beforeCompletion() {
                try {
                    Files.move(incoming, target, StandardCopyOption.ATOMIC_MOVE);
                    syncDirectory(target.getParent());
                } catch (IOException e) {
                    throw new UncheckedIOException("Could not move an upload into the store: " + target, e);
                }
            }

            @Override
            public void afterCompletion(int status) {
                if (status != Status.STATUS_COMMITTED) {
                    deleteQuietly(incoming);
                    deleteQuietly(target);
                }
            }
        };
    }

    /** Makes a directory's new entries durable; a file system that cannot sync a directory is left to its own. */
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            LOG.fine(() -> "Could not sync the directory " + directory + ": " + e);
        }
    }

    /**
     * Deletes what no record names, once it is older than an hour: bytes in the store whose record is gone (the
     * process died between an erasure's commit and the delete, or between the move and a commit that never came),
     * and uploads left in {@code incoming/} by a process that died during their request.
     *
     * @param recorded which of the given file ids have a record
     * @return how many files were deleted
     */
    static int sweep(Path root, java.time.Instant cutoff, java.util.function.Function<List<String>, Set<String>> recorded) throws IOException {
        List<Path> candidates = new java.util.ArrayList<>();
        List<Path> dead = new java.util.ArrayList<>();
        try (java.util.stream.Stream<Path> entries = Files.list(root)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (STORED_NAME.matcher(nameOf(entry)).matches() && olderThan(entry, cutoff)) {
                    candidates.add(entry);
                }
            }
        }
        try (java.util.stream.Stream<Path> entries = Files.list(root.resolve("incoming"))) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                if (olderThan(entry, cutoff)) {
                    dead.add(entry);
                }
            }
        }
        for (int from = 0; from < candidates.size(); from += 500) {
            List<Path> batch = candidates.subList(from, Math.min(candidates.size(), from + 500));
            Set<String> known = recorded.apply(batch.stream().map(FileStore::nameOf).toList());
            batch.stream().filter(path -> !known.contains(nameOf(path))).forEach(dead::add);
        }
        dead.forEach(FileStore::deleteQuietly);
        return dead.size();
    }

    private static final java.util.regex.Pattern STORED_NAME =
            java.util.regex.Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** An entry's name in its directory (a listed entry always has one). */
    private static String nameOf(Path entry) {
        return String.valueOf(entry.getFileName());
    }

    private static boolean olderThan(Path path, java.time.Instant cutoff) {
        try {
            return Files.isRegularFile(path) && Files.getLastModifiedTime(path).toInstant().isBefore(cutoff);
        } catch (IOException gone) {
            return false;
        }
    }

    /** {@link #sweep(Path, java.time.Instant, java.util.function.Function)} of this store, for files older than an hour. */
    public int sweep() {
        try {
            return sweep(root, clock.instant().minus(java.time.Duration.ofHours(1)),
                    ids -> Set.copyOf(em.createQuery("SELECT f.id FROM StoredFile f WHERE f.id IN :ids", String.class)
                            .setParameter("ids", ids).getResultList()));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the file store at " + root, e);
        }
    }

    /** Copies, answering the byte count, or -1 as soon as the limit is passed. */
    private static long copyAtMost(InputStream in, OutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[64 * 1024];
        long total = 0;
        int read;
        while ((read = in.read(buffer)) != -1) {
            total += read;
            if (total > limit) {
                return -1;
            }
            out.write(buffer, 0, read);
        }
        return total;
    }

    /** The client's name, for the download only: no path, no control characters, not too long. */
    static String safeName(String originalName) {
        String name = originalName == null ? "file" : utf8Repaired(originalName);
        name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
        name = name.replaceAll("[\\p{Cntrl}\"]", "").strip();
        if (name.isEmpty()) {
            name = "file";
        }
        return name.length() > 200 ? name.substring(name.length() - 200) : name;
    }

    /**
     * Browsers send a multipart file name as raw UTF-8 bytes, and the runtime reads the header as ISO-8859-1, so a
     * Thai name arrives as mojibake. When every character fits in a byte and those bytes are valid UTF-8 (which
     * Latin-1 text with accents practically never is), the name is read again as UTF-8.
     */
    static String utf8Repaired(String name) {
        if (name.chars().allMatch(c -> c < 0x80) || name.chars().anyMatch(c -> c > 0xFF)) {
            return name;
        }
        byte[] bytes = name.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        try {
            return java.nio.charset.StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(java.nio.charset.CodingErrorAction.REPORT)
                    .onUnmappableCharacter(java.nio.charset.CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (java.nio.charset.CharacterCodingException notUtf8) {
            return name;
        }
    }

    private static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.warning(() -> "Could not delete " + path + ": " + e);
        }
    }
}
