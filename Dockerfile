# syntax=docker/dockerfile:1
# Multi-stage build of the zonebridge service image.
# BUILD_BASE / BASE are build arguments so the image also builds where no registry is reachable: bin/container-check
# builds it here with podman from base images made with debootstrap (bin/container-base), the host's Maven
# repository mounted into the build stage and MAVEN_FLAGS=-o. With the defaults it builds on any Docker toolchain.
ARG BUILD_BASE=maven:3.9-eclipse-temurin-17
ARG BASE=eclipse-temurin:17-jre

FROM ${BUILD_BASE} AS build
# extra Maven flags, e.g. -o (offline) when the build has no network
ARG MAVEN_FLAGS=
WORKDIR /src
COPY pom.xml .
COPY src ./src
RUN mvn -B -q ${MAVEN_FLAGS} -Dmaven.test.skip=true package

FROM ${BASE}
RUN (getent group zonebridge || groupadd --system zonebridge) \
 && (id zonebridge || useradd --system --gid zonebridge --home-dir /opt/zonebridge zonebridge)
WORKDIR /opt/zonebridge
COPY --from=build /src/target/zonebridge.jar ./zonebridge.jar
COPY config ./config
COPY routes ./routes
# the service may write state files (e.g. the reverse job's ledger) in its working directory; its code, config and
# routes stay root's, read-only for it
RUN chown zonebridge:zonebridge /opt/zonebridge
USER zonebridge
# Fits a 0.25 vCPU / 512 MB Fargate task: heap a share of the container's memory (the rest is metaspace, threads,
# Netty's direct buffers), the serial collector (one CPU), exit (and let ECS restart) on OutOfMemoryError.
# JAVA_OPTS (not JAVA_TOOL_OPTIONS, which makes the JVM print a non-JSON line first); add flags with JAVA_OPTS too.
ENV JAVA_OPTS="-XX:+UseContainerSupport -XX:MaxRAMPercentage=60 -XX:+UseSerialGC -XX:+ExitOnOutOfMemoryError -XX:ReservedCodeCacheSize=64m -Xss512k"
# Liveness on Camel's management port (/observe/health/live) unless CAMEL_MANAGEMENT_PORT says otherwise; UP means
# HTTP 200. Readiness (every zone synced once) is /observe/health/ready, for load balancers.
# bash's /dev/tcp: no curl needed in the image.
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${CAMEL_MANAGEMENT_PORT:-9876} && printf 'GET /observe/health/live HTTP/1.0\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
# SIGTERM (docker stop, ECS) shuts down gracefully: see README, Container
STOPSIGNAL SIGTERM
# exec: java is PID 1 and receives the SIGTERM itself
ENTRYPOINT ["/bin/sh", "-c", "exec java $JAVA_OPTS -jar /opt/zonebridge/zonebridge.jar \"$@\"", "zonebridge"]
CMD ["run"]
