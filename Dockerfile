# syntax=docker/dockerfile:1
# Multi-stage build of the zonebridge service image (see docs/operations.md, Container).
# BUILD_BASE / BASE are build arguments so the image also builds where no registry is reachable: bin/container-check
# builds it here with podman from base images made with debootstrap (bin/container-base), the host's Maven
# repository mounted into the build stage and MAVEN_FLAGS=-o. With the defaults it builds on any Docker toolchain.
# BUILD_BASE: a JDK 17 with its jmods (for jlink) and Maven. BASE: a Debian-family image (dpkg, ldd, useradd), no Java
# needed: the runtime stage takes only its C library, sh, bash, grep and coreutils (see runtime-root).
ARG BUILD_BASE=maven:3.9-eclipse-temurin-17
ARG BASE=debian:bookworm-slim

FROM ${BUILD_BASE} AS build
# extra Maven flags, e.g. -o (offline) when the build has no network
ARG MAVEN_FLAGS=
WORKDIR /src
COPY pom.xml .
COPY src ./src
RUN mvn -B -q ${MAVEN_FLAGS} -Dmaven.test.skip=true package
# The Java modules the service needs: `jdeps --print-module-deps --ignore-missing-deps --multi-release 17` on the
# shaded jar, plus the providers it finds at run time, which jdeps cannot see: jdk.crypto.ec (TLS to AWS: ECDHE, EC
# certificates), jdk.naming.rmi (remote JMX binds its connector in an rmi: registry), jdk.zipfs.
ARG JAVA_MODULES=java.base,java.compiler,java.desktop,java.management.rmi,java.naming,java.net.http,java.security.jgss,java.sql,jdk.httpserver,jdk.jfr,jdk.management,jdk.unsupported,jdk.crypto.ec,jdk.naming.rmi,jdk.zipfs
# A trimmed Java runtime with the JDK's class-data-sharing archive (compressed oops only: the heap stays < 32 GB);
# --strip-java-debug-attributes, not --strip-debug, which needs objcopy (binutils) on Linux
RUN jlink --add-modules "${JAVA_MODULES}" --strip-java-debug-attributes --no-header-files --no-man-pages --compress=2 \
      --generate-cds-archive --output /build/java \
 && rm -f /build/java/lib/server/classes_nocoops.jsa \
 && /build/java/bin/java -Xshare:on -version

# The runtime's root file system, kept small (the base image less ~60 MB): the base image's C library and only the
# programs the image runs (sh for the entrypoint, bash, grep and coreutils for the HEALTHCHECK, the training run and
# operators), each with the shared libraries it loads (ldd), the Java runtime's libraries' too, and the zonebridge user.
# No package manager, perl, gconv modules or time-zone files (the JVM has its own time-zone data and CA certificates).
FROM ${BASE} AS runtime-root
COPY --from=build /build/java /opt/java
RUN (getent group zonebridge || groupadd --system zonebridge) \
 && (id zonebridge || useradd --system --gid zonebridge --home-dir /opt/zonebridge zonebridge)
SHELL ["/bin/bash", "-o", "pipefail", "-c"]
RUN keep() { for f in "$@"; do cp -a --parents "$f" /rootfs; if [[ -L "$f" ]]; then keep "$(readlink -f "$f")"; fi; done; } \
 && mkdir -p /rootfs/tmp /rootfs/etc /rootfs/opt && chmod 1777 /rootfs/tmp \
 && for d in /bin /sbin /lib /lib64; do if [[ -L "$d" ]]; then mkdir -p "/rootfs/usr/${d#/}"; cp -a "$d" /rootfs/; fi; done \
 && programs="$(dpkg -L coreutils | grep -E '^/(usr/)?bin/') $(command -v sh dash bash grep)" \
 && keep $programs \
 && libraries="$( { ldd $programs; find /opt/java -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} \; ; } 2>/dev/null \
      | grep -v ':$' | grep -o '/[^ ]*' | grep -v '^/opt/' | sort -u)" \
 && keep $libraries \
 && keep /etc/passwd /etc/group /etc/nsswitch.conf /etc/localtime /etc/os-release /etc/debian_version \
 && chroot /rootfs /bin/sh -c 'bash -c "echo 200 | head -n 1 | grep -q 200 && id zonebridge"'

FROM scratch
COPY --from=runtime-root /rootfs/ /
COPY --from=build /build/java /opt/java
ENV JAVA_HOME=/opt/java PATH=/opt/java/bin:/usr/local/bin:/usr/bin:/bin
WORKDIR /opt/zonebridge
COPY --from=build /src/target/zonebridge.jar ./zonebridge.jar
COPY config ./config
COPY routes ./routes
COPY bin/container-train ./bin/container-train
# Fits a 0.25 vCPU / 512 MB Fargate task: heap a share of the container's memory (the rest is metaspace, threads,
# Netty's direct buffers), the serial collector (one CPU), exit (and let ECS restart) on OutOfMemoryError. The heap
# starts at 40 % (young generation ~68 MB): one young collection until READY instead of three at 20 %, each of which
# copied the start-up's live objects again.
# JAVA_OPTS (not JAVA_TOOL_OPTIONS, which makes the JVM print a non-JSON line first); add flags with JAVA_OPTS too.
ENV JAVA_OPTS="-XX:+UseContainerSupport -XX:MaxRAMPercentage=60 -XX:InitialRAMPercentage=40 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -XX:ReservedCodeCacheSize=64m -Xss512k"
# Camel's own MBeans without one per processor, endpoint, consumer, producer or service (the context, routes with their
# exchange statistics, health, components and thread pools stay: RouteLevelMBeans): registering the rest was about a
# tenth of the start-up's CPU (CAMEL_MAIN_JMXMANAGEMENTMBEANSLEVEL=Default restores them all)
ENV CAMEL_MAIN_JMXMANAGEMENTMBEANSLEVEL=RoutesOnly
# Start-up: an application class-data-sharing archive of every class a start loads (parsed, verified, laid out: the
# JVM maps it instead of reading the jar), written by a training run of the service here at build time: the sample
# zone synced into the embedded Route 53 until READY, then SIGTERM. -XX:MaxRAM: the heap layout of a 512 MB task.
RUN bin/container-train /opt/zonebridge/zonebridge.jsa /opt/zonebridge/zonebridge.jar \
      -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=4 $JAVA_OPTS -XX:MaxRAM=512m
# the service may write state files (e.g. the reverse job's ledger) in its working directory; its code, config and
# routes stay root's, read-only for it
RUN chown zonebridge:zonebridge /opt/zonebridge
USER zonebridge
# Liveness on Camel's management port (/observe/health/live) unless CAMEL_MANAGEMENT_PORT says otherwise; UP means
# HTTP 200. Readiness (every zone synced once) is /observe/health/ready, for load balancers.
# bash's /dev/tcp: no curl needed in the image.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${CAMEL_MANAGEMENT_PORT:-9876} && printf 'GET /observe/health/live HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
# SIGTERM (docker stop, ECS) shuts down gracefully: see docs/operations.md, Container
STOPSIGNAL SIGTERM
# exec: java is PID 1 and receives the SIGTERM itself. Before JAVA_OPTS (which may override them): the archive, and
# the C1 compiler only (-XX:TieredStopAtLevel=1): at 0.25 vCPU the C2 compiler's work at start-up costs more CPU than
# it saves (measured: CPU to READY 5.7 s with it, 3.0 s without; JAVA_OPTS=-XX:TieredStopAtLevel=4 restores it);
# methods compiled after four times the usual calls (-XX:CompileThresholdScaling=4): C1 leaves most of the methods
# only the start-up runs to the interpreter (its CPU to READY ~0.55 s at 2, ~0.35-0.4 s at 4, the main thread's no
# more), and hot code still gets compiled.
ENTRYPOINT ["/bin/sh", "-c", "exec java -XX:SharedArchiveFile=/opt/zonebridge/zonebridge.jsa -XX:TieredStopAtLevel=1 -XX:CompileThresholdScaling=4 $JAVA_OPTS -jar /opt/zonebridge/zonebridge.jar \"$@\"", "zonebridge"]
CMD ["run"]
