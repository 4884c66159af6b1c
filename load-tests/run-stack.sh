#!/usr/bin/env bash
# Starts the local stack for a benchmark, from a SNAPSHOT of the built jars (so that rebuilding the
# project while the benchmark runs changes nothing under it), with JIT-compiled (C2) services,
# larger heaps, and N quiz-service instances behind the gateway. Ctrl-C stops everything.
#
#   ./mvnw -B -DskipTests package            # build the jars first (root of the project)
#   load-tests/run-stack.sh --mongo-in-memory   # offset 450, 1 quiz instance, data in load-tests/target/stack
#   QUIZ_INSTANCES=2 PORT_OFFSET=450 load-tests/run-stack.sh --reset   # then -Ddirect=http://127.0.0.1:8532,http://127.0.0.1:8536
#
# Environment: PORT_OFFSET (450), QUIZ_INSTANCES (1: a second instance on the same 2 cores only adds
# its own JIT, GC and cache misses; measured in docs/benchmarks.md), STACK_DIR (load-tests/target/stack),
# SERVICE_JVM_OPTIONS (space separated; default below: 2 GB heaps, because with 768 MB the quiz-service
# and the gateway spent 9-12 % of the time in GC at 1,000 answers/s; Tomcat's max-connections raised from
# 8,192 because with -DdirectConnections=per-citizen each simulated citizen sent straight to the service holds
# its own keep-alive connection, and at 200 citizens/s ~9,000 are in flight), MONGO_MEMORY_HEAP (6g: the in-memory MongoDB
# keeps every document of every run on its heap; at 900 answers/s a 3 GB heap filled within 6 minutes
# and its full collections stalled the run, before it shared its strings; one full benchmark leaves ~1.1 GB
# now: thirteenth pass), MONGO_GC (space separated; default G1 on a fixed, pre-touched heap (MONGO_MEMORY_HEAP) that
# starts no marking cycle below 80 % and promotes what survives one young collection. Pre-touched, because
# a first touch of memory costs ~18 us a page on the benchmark host, and in the stand-in's young pauses
# of 300-411 ms one collector thread stalled while promoting, most likely into fresh memory; pre-touched,
# its longest pauses were 84-166 ms in four runs (docs/benchmarks.md, thirteenth pass). With the parallel
# collector its young collections paused it ~80 ms each at 2,000 answers/s, scanning the old documents each
# update replaced; ZGC removed the pauses but took ~10 % of a core more, which the quiz-service then lacked;
# G1 with its defaults paused ~55 ms once a second, grew its heap in 300-460-ms pauses and ran mixed
# collections of 200-570 ms once its old generation filled, each shedding answers: docs/benchmarks.md,
# ninth and tenth passes), MONGO_NICE (-5: the stand-in scheduled ahead of the services, as a database has
# its own cores in production; its young collections then stall the quiz-service less; empty for none;
# needs root, otherwise nice warns and runs it unchanged: tenth pass), KEYCLOAK_NICE (10: Keycloak behind
# the services; it is off the quiz path during a round, but its purge of expired sessions every 180 s took
# up to a core for seconds; in one run of six a purge still took 59 %, although every child of the stack
# shares one autogroup: fourteenth and fifteenth passes), KAFKA_NICE (10: the broker behind the services,
# which publish through their outboxes off the request path; it took a third to a half of a core for a
# second or two every ~3 minutes: fourteenth pass). Niceness orders processes within one session only: with
# the kernel's autogroup (on here), the load generator, started from another session, is scheduled as a
# group of its own, beside the whole stack. Extra arguments go to the launcher (e.g. --reset). Needs
# `./mvnw -B -DskipTests package` to have built local/target/lib and Keycloak.
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
STACK=${STACK_DIR:-$ROOT/load-tests/target/stack}
OFFSET=${PORT_OFFSET:-450}
QUIZ=${QUIZ_INSTANCES:-1}
MONGO_HEAP=${MONGO_MEMORY_HEAP:-6g}
JVM=${SERVICE_JVM_OPTIONS:--Xms2g -Xmx2g -XX:+UseParallelGC -XX:+UseCompactObjectHeaders -Dfile.encoding=UTF-8 -Dserver.tomcat.max-connections=19000}
VERSION=0.1.0-SNAPSHOT
JAVA=${JAVA_HOME:+$JAVA_HOME/bin/}java

mkdir -p "$STACK/project/local/target" "$STACK/launcher"
for module in registration-service quiz-service submission-service judging-service awards-service gateway; do
  mkdir -p "$STACK/project/$module/target"
  cp "$ROOT/$module/target/$module-$VERSION-exec.jar" "$STACK/project/$module/target/"
done
mkdir -p "$ROOT/local/target/keycloak-built"   # built by the launcher on first use; a dangling link would stop it
for dir in lib keycloak keycloak-built; do
  ln -sfn "$ROOT/local/target/$dir" "$STACK/project/local/target/$dir"
done
ln -sfn "$ROOT/deploy" "$STACK/project/deploy"
rm -rf "$STACK/launcher/classes" && cp -r "$ROOT/local/target/classes" "$STACK/launcher/classes"

JVM_ARGS=()
for option in $JVM; do JVM_ARGS+=("--service-jvm-option=$option"); done
exec "$JAVA" -Xmx128m -Dcchc.local.mongo-memory-heap="$MONGO_HEAP" -Dcchc.local.mongo-nice="${MONGO_NICE--5}" -Dcchc.local.keycloak-nice="${KEYCLOAK_NICE-10}" -Dcchc.local.kafka-nice="${KAFKA_NICE-10}" -Dcchc.local.mongo-memory-gc="${MONGO_GC:--XX:+UseG1GC -XX:MaxGCPauseMillis=20 -Xms$MONGO_HEAP -XX:-G1UseAdaptiveIHOP -XX:InitiatingHeapOccupancyPercent=80 -XX:MaxTenuringThreshold=1 -XX:+AlwaysPreTouch}" -Dcchc.local.keycloak-start-timeout=600 -Dcchc.local.service-start-timeout=600 -Dcchc.local.keycloak-java-opts-append= -cp "$STACK/launcher/classes:$ROOT/local/target/lib/*" vn.cchc.local.LocalStackMain \
  --project-dir="$STACK/project" --data-dir="$STACK/data" --port-offset="$OFFSET" --no-seed \
  --quiz-instances="$QUIZ" "${JVM_ARGS[@]}" "$@"
