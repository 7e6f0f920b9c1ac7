# One image per Spring service, from the jar "./mvnw package" built:
#   docker build -f deploy/docker/service.Dockerfile --build-arg SERVICE=auth-service .
FROM eclipse-temurin:17-jre
ARG SERVICE
RUN apt-get update && apt-get install -y --no-install-recommends curl && rm -rf /var/lib/apt/lists/* \
    && useradd --system --uid 10001 shopverse
COPY ${SERVICE}/target/${SERVICE}-0.1.0-SNAPSHOT.jar /app/app.jar
USER shopverse
ENV JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -XX:MaxRAMPercentage=75"
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
