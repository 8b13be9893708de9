/**
 * The practice sandbox: a Kubernetes API over real HTTP with simulated controllers and metrics.
 *
 * <p>Public: {@link dev.wheelhouse.sandbox.Sandbox} (start, url, client, writeKubeconfig, seed,
 * stats, close; for tests of failure: pauseServing/resumeServing, denied, metricsApi, call),
 * {@link dev.wheelhouse.sandbox.SandboxOptions}, {@link dev.wheelhouse.sandbox.Denial} and
 * {@link dev.wheelhouse.sandbox.SandboxSeed}. Everything else is package-private.
 *
 * <h2>How it is built, and why</h2>
 * <ul>
 *   <li><b>Fabric8's CRUD mock is the store</b> ({@code ApiStore} extends its
 *       {@code KubernetesCrudDispatcher}): it writes metadata, generations, resource versions and
 *       conflicts as the API server does, applies JSON patches and serves Fabric8's WebSocket
 *       watches. The mock scans its whole map for every request (15 ms a lookup at 25,000
 *       objects), so ApiStore keeps an index by kind, namespace and name beside it and answers
 *       reads, lookups and deletes from it; it takes the mock's own lock (handed over through the
 *       mock's {@code locked(Lock)} hook) so both stay consistent. {@code indexProblems()} checks
 *       they never drift.</li>
 *   <li><b>A front dispatcher</b> ({@code FrontDispatcher}) answers what kubectl needs and the
 *       mock lacks: discovery for any query string, /version, {@code <Kind>List} lists,
 *       {@code application/json} on every response, Status bodies for errors, RFC 7386 merge
 *       patch, a name-keyed strategic merge, the scale subresource as an autoscaling/v1 Scale,
 *       plain-HTTP watches (changes since a resource version from a ring of recent changes, then
 *       the end of the response; a bookmark after a pause when there are none), server-side
 *       tables, pod logs and metrics.k8s.io.</li>
 *   <li><b>RBAC by exception</b> ({@code Authorizer}): everything is allowed but what a
 *       {@code Denial} takes away; those requests get the API server's 403 Status and
 *       SelfSubjectAccessReviews (JSON, or protobuf as kubectl auth can-i sends them) answer from
 *       the same rules, so tests can take a permission away, also while clients watch.</li>
 *   <li><b>Outages</b>: pauseServing closes the port (every watch and connection drops) while
 *       the store and controllers go on; resumeServing listens again on the same port with the
 *       same cluster. Fabric8's mock web server cannot be restarted, so a new one is made around
 *       the same front dispatcher and store.</li>
 *   <li><b>The controllers run on one thread</b> ({@code Simulation}) from a de-duplicating work
 *       queue fed by every change of the store, synchronously ({@code Cluster} keeps typed copies
 *       of the workload objects and an owner index, like an informer whose cache is current the
 *       moment a write returns). Their rules follow Kubernetes' own code (deployment_util.go,
 *       rolling.go, progress.go, the StatefulSet and DaemonSet controllers, kubectl's
 *       polymorphichelpers), so {@code kubectl rollout status|history|undo} read what they
 *       expect. Tests drive the same thread by hand on a clock they move.</li>
 *   <li><b>The seed goes straight into the store</b> before the port opens ({@code Seeder}),
 *       with status exactly as the controllers would compute it, so nothing is rewritten at
 *       start; metrics are computed on request, never stored, so 10,000 pods cost nothing until
 *       asked.</li>
 * </ul>
 *
 * <p>Not supported: kubectl apply and server-side apply (no OpenAPI documents, no
 * schema-driven strategic merge), protobuf request bodies ({@code kubectl create deployment}),
 * {@code kubectl get --watch} (plain-HTTP watches end after each batch), authentication (the
 * sandbox only listens on 127.0.0.1).
 */
package dev.wheelhouse.sandbox;
