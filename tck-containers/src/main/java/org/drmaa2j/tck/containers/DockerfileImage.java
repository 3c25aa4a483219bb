// SPDX-License-Identifier: Apache-2.0
package org.drmaa2j.tck.containers;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.images.builder.ImageFromDockerfile;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.utility.LazyFuture;

/**
 * An image built from a Dockerfile and its build context on the classpath, tagged with a hash
 * of those files and the build arguments, so that an image already built from the same files and
 * arguments is used as it is.
 */
final class DockerfileImage extends LazyFuture<String> {

    /** Where the tck jar holds the image directories (see the tck pom's resources). */
    static final String RESOURCE_ROOT = "org/drmaa2j/tck/docker/";

    private static final Logger LOG = LoggerFactory.getLogger(DockerfileImage.class);

    private final String repository;
    private final String dockerfile;
    private final List<String> files;
    private final Map<String, String> buildArgs;

    /**
     * @param repository image repository, e.g. {@code drmaa2j/slurm}; the tag is the content hash
     * @param dockerfile the Dockerfile, relative to {@link #RESOURCE_ROOT}, the build context
     * @param files      the other files of the build context, relative to {@link #RESOURCE_ROOT}
     */
    DockerfileImage(String repository, String dockerfile, List<String> files) {
        this(repository, dockerfile, files, Map.of());
    }

    /**
     * @param repository image repository, e.g. {@code drmaa2j/slurm}; the tag is the content hash
     * @param dockerfile the Dockerfile, relative to {@link #RESOURCE_ROOT}, the build context
     * @param files      the other files of the build context, relative to {@link #RESOURCE_ROOT}
     * @param buildArgs  {@code ARG} values for the build, part of the tag's hash
     */
    DockerfileImage(String repository, String dockerfile, List<String> files, Map<String, String> buildArgs) {
        this.repository = repository;
        this.dockerfile = dockerfile;
        this.files = Stream.concat(Stream.of(dockerfile), files.stream()).toList();
        this.buildArgs = new TreeMap<>(buildArgs);
    }

    @Override
    protected String resolve() {
        Map<String, byte[]> context = readContext();
        Map<String, byte[]> hashed = new LinkedHashMap<>(context);
        buildArgs.forEach((k, v) -> hashed.put("--build-arg " + k, v.getBytes(StandardCharsets.UTF_8)));
        String tag = repository + ":" + contentHash(hashed);
        if (existsLocally(tag)) {
            LOG.info("Using image {}", tag);
            return tag;
        }
        LOG.info("Building image {} from {}{} {}", tag, RESOURCE_ROOT, dockerfile, buildArgs);
        long start = System.nanoTime();
        ImageFromDockerfile image = new ImageFromDockerfile(tag, false).withDockerfilePath(dockerfile);
        buildArgs.forEach(image::withBuildArg);
        context.forEach((name, bytes) -> image.withFileFromTransferable(name, Transferable.of(bytes)));
        String built = image.get();
        LOG.info("Built image {} in {} s", built, (System.nanoTime() - start) / 1_000_000_000L);
        return built;
    }

    private Map<String, byte[]> readContext() {
        Map<String, byte[]> context = new LinkedHashMap<>();
        ClassLoader loader = DockerfileImage.class.getClassLoader();
        for (String name : files) {
            String resource = RESOURCE_ROOT + name;
            try (InputStream in = loader.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("image file not on the classpath: " + resource);
                }
                context.put(name, in.readAllBytes());
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + resource, e);
            }
        }
        return context;
    }

    static String contentHash(Map<String, byte[]> context) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            context.forEach((name, bytes) -> {
                sha.update(name.getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(Integer.toString(bytes.length).getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                sha.update(bytes);
            });
            return HexFormat.of().formatHex(sha.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 unavailable", e);
        }
    }

    private static boolean existsLocally(String tag) {
        try {
            DockerClientFactory.instance().client().inspectImageCmd(tag).exec();
            return true;
        } catch (com.github.dockerjava.api.exception.NotFoundException e) {
            return false;
        }
    }
}
