# syntax=docker/dockerfile:1
# Multi-stage build of the zonebridge service image.
# BUILD_BASE / BASE are build arguments so the image also builds where no registry is reachable
# (see README: podman with a locally made base image).
ARG BUILD_BASE=maven:3.9-eclipse-temurin-17
ARG BASE=eclipse-temurin:17-jre

FROM ${BUILD_BASE} AS build
WORKDIR /src
COPY pom.xml .
COPY src ./src
RUN mvn -B -q -DskipTests package

FROM ${BASE}
RUN (getent group zonebridge || groupadd --system zonebridge) \
 && (id zonebridge || useradd --system --gid zonebridge --home-dir /opt/zonebridge zonebridge)
WORKDIR /opt/zonebridge
COPY --from=build /src/target/zonebridge.jar ./zonebridge.jar
COPY config ./config
COPY routes ./routes
USER zonebridge
ENV JAVA_TOOL_OPTIONS="-XX:+UseContainerSupport -XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
ENTRYPOINT ["java", "-jar", "/opt/zonebridge/zonebridge.jar"]
CMD ["run"]
