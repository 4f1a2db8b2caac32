#!/usr/bin/env python3
"""Generates the application part of the embedded demo cluster (resources/demo/3*.yaml .. 6*.yaml).

Run once; the output is committed. Every secret value here is DEMO DATA generated at random by this script: it
protects nothing. Certificates are real PEM (python cryptography), signed by a throw-away demo CA.
"""
import base64, datetime, json, os, secrets, sys, yaml
from cryptography import x509
from cryptography.x509.oid import NameOID
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec

OUT = sys.argv[1] if len(sys.argv) > 1 else "resources/demo"
DEMO_NOTE = {"kustodian.dev/demo-data": "Demo value generated for the Kustodian demo cluster; protects nothing."}
HEADER = "# Kustodian demo cluster: DEMO DATA. Every secret value in this file is random demo data and protects nothing.\n"

def b64(s):
    if isinstance(s, str): s = s.encode()
    return base64.b64encode(s).decode()

def rnd(n=18): return secrets.token_urlsafe(n)

def meta(name, ns=None, labels=None, annotations=None, created="2026-06-02T09:14:00Z", owners=None, managed=None):
    m = {"name": name}
    if ns: m["namespace"] = ns
    m["uid"] = "demo-" + secrets.token_hex(8)
    m["creationTimestamp"] = created
    if labels: m["labels"] = labels
    if annotations: m["annotations"] = annotations
    if owners: m["ownerReferences"] = owners
    if managed: m["managedFields"] = managed
    return m

def secret(name, ns, data, type_="Opaque", labels=None, annotations=None, **kw):
    a = dict(DEMO_NOTE); a.update(annotations or {})
    return {"apiVersion": "v1", "kind": "Secret", "metadata": meta(name, ns, labels, a, **kw), "type": type_,
            "data": {k: b64(v) for k, v in data.items()}}

# ---------- certificates
ca_key = ec.generate_private_key(ec.SECP256R1())
ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Kustodian Demo CA")])
now = datetime.datetime(2026, 11, 28, tzinfo=datetime.timezone.utc)
ca = (x509.CertificateBuilder().subject_name(ca_name).issuer_name(ca_name).public_key(ca_key.public_key())
      .serial_number(x509.random_serial_number()).not_valid_before(now - datetime.timedelta(days=400))
      .not_valid_after(now + datetime.timedelta(days=3650))
      .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True).sign(ca_key, hashes.SHA256()))

def leaf(cn, not_before, not_after):
    k = ec.generate_private_key(ec.SECP256R1())
    c = (x509.CertificateBuilder().subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, cn)]))
         .issuer_name(ca_name).public_key(k.public_key()).serial_number(x509.random_serial_number())
         .not_valid_before(not_before).not_valid_after(not_after)
         .add_extension(x509.SubjectAlternativeName([x509.DNSName(cn)]), critical=False).sign(ca_key, hashes.SHA256()))
    crt = c.public_bytes(serialization.Encoding.PEM) + ca.public_bytes(serialization.Encoding.PEM)
    key = k.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    return crt, key

expired_crt, expired_key = leaf("legacy.payments.demo.example", now - datetime.timedelta(days=400),
                                now - datetime.timedelta(days=35))
soon_crt, soon_key = leaf("shop.demo.example", now - datetime.timedelta(days=70), now + datetime.timedelta(days=20))
ok_crt, ok_key = leaf("grafana.demo.example", now - datetime.timedelta(days=10), now + datetime.timedelta(days=355))

def write(fname, docs):
    with open(os.path.join(OUT, fname), "w") as f:
        f.write(HEADER)
        f.write(yaml.safe_dump_all(docs, sort_keys=False, width=140))

# ---------- pods and controllers
def owner(kind, name, api="apps/v1"):
    return [{"apiVersion": api, "kind": kind, "name": name, "uid": "demo-" + secrets.token_hex(8),
             "controller": True, "blockOwnerDeletion": True}]

def deployment(name, ns, pod_spec, replicas=2, kind="Deployment", labels=None):
    labels = labels or {"app.kubernetes.io/name": name}
    docs = [{"apiVersion": "apps/v1", "kind": kind, "metadata": meta(name, ns, labels),
             "spec": {"replicas": replicas, "selector": {"matchLabels": labels},
                      **({"serviceName": name} if kind == "StatefulSet" else {}),
                      "template": {"metadata": {"labels": labels}, "spec": pod_spec}}}]
    if kind == "Deployment":
        rs = name + "-" + secrets.token_hex(5)[:10]
        docs.append({"apiVersion": "apps/v1", "kind": "ReplicaSet",
                     "metadata": meta(rs, ns, labels, owners=owner("Deployment", name)),
                     "spec": {"replicas": replicas, "selector": {"matchLabels": labels},
                              "template": {"metadata": {"labels": labels}, "spec": pod_spec}}})
        parent, pkind = rs, "ReplicaSet"
    else:
        parent, pkind = name, kind
    for i in range(replicas):
        pname = (parent + "-" + secrets.token_hex(3)[:5]) if kind != "StatefulSet" else f"{name}-{i}"
        docs.append({"apiVersion": "v1", "kind": "Pod", "metadata": meta(pname, ns, labels, owners=owner(pkind, parent)),
                     "spec": pod_spec, "status": {"phase": "Running"}})
    return docs

def container(name, image, env=None, env_from=None, mounts=None):
    c = {"name": name, "image": image}
    if env: c["env"] = env
    if env_from: c["envFrom"] = env_from
    if mounts: c["volumeMounts"] = mounts
    return c

def skr(var, name, key, optional=None):
    r = {"name": name, "key": key}
    if optional is not None: r["optional"] = optional
    return {"name": var, "valueFrom": {"secretKeyRef": r}}

shared_pw = rnd(24)  # the same value in two secrets (duplicate-value finding)

# ---------- shop
shop = [
    {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": meta("default", "shop")},
    {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": meta("shop-web", "shop")},
    secret("db-credentials", "shop", {"DB_USER": "shop", "DB_PASSWORD": shared_pw}),
    secret("shop-web-tls", "shop", {"tls.crt": soon_crt, "tls.key": soon_key}, type_="kubernetes.io/tls"),
    secret("shop-session-key", "shop", {"SESSION_KEY": rnd(32)}),
    secret("sh.helm.release.v1.shop-web.v3", "shop", {"release": base64.b64encode(os.urandom(900)).decode()},
           type_="helm.sh/release.v1",
           labels={"owner": "helm", "name": "shop-web", "status": "deployed", "version": "3"}),
    secret("sh.helm.release.v1.shop-web.v2", "shop", {"release": base64.b64encode(os.urandom(880)).decode()},
           type_="helm.sh/release.v1",
           labels={"owner": "helm", "name": "shop-web", "status": "superseded", "version": "2"}),
    {"apiVersion": "v1", "kind": "ConfigMap", "metadata": meta("shop-config", "shop"),
     "data": {"DB_URL": f"postgres://app:{rnd(16)}@db:5432/shop",
              "application.properties": "server.port=8080\nspring.datasource.username=app\n"
                                        f"spring.datasource.password={rnd(16)}\nfeature.newCheckout=true\n",
              "LOG_LEVEL": "info"}},
    {"apiVersion": "v1", "kind": "ConfigMap", "metadata": meta("shop-features", "shop"),
     "data": {"features.json": json.dumps({"newCheckout": True, "recommendations": False})}},
]
web_spec = {"serviceAccountName": "shop-web", "containers": [container("web", "registry.demo.example/shop/web:3.4.1",
            env=[skr("DB_PASSWORD", "db-credentials", "DB_PASSWORD"), skr("DB_USER", "db-credentials", "DB_USER"),
                 skr("SMTP_PASSWORD", "shop-smtp", "password"),            # missing secret
                 skr("DB_PASSWORD_OLD", "db-credentials", "DB_PASSWORD_OLD"),  # missing key
                 {"name": "SESSION_KEY", "valueFrom": {"secretKeyRef": {"name": "shop-session-key", "key": "SESSION_KEY"}}}],
            env_from=[{"configMapRef": {"name": "shop-config"}}],
            mounts=[{"name": "tls", "mountPath": "/etc/tls", "readOnly": True}])],
            "volumes": [{"name": "tls", "secret": {"secretName": "shop-web-tls"}}]}
shop += deployment("shop-web", "shop", web_spec, replicas=2)
db_spec = {"containers": [container("postgres", "postgres:16.4",
           env=[skr("POSTGRES_PASSWORD", "db-credentials", "DB_PASSWORD")],
           mounts=[{"name": "data", "mountPath": "/var/lib/postgresql/data"}])],
           "volumes": [{"name": "data", "emptyDir": {}}]}
shop += deployment("shop-db", "shop", db_spec, replicas=1, kind="StatefulSet")
write("40-shop.yaml", shop)

# ---------- payments (ESO-managed secret, env literal credential, envFrom, expired TLS, exec grant)
payments = [
    {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": meta("default", "payments")},
    {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": meta("payments-api", "payments")},
    secret("payments-api-env", "payments", {"GATEWAY_API_KEY": "pk_demo_" + rnd(20), "WEBHOOK_SECRET": rnd(24)}),
    secret("legacy-db", "payments", {"password": shared_pw}),  # same value as shop/db-credentials DB_PASSWORD
    secret("payments-legacy-tls", "payments", {"tls.crt": expired_crt, "tls.key": expired_key}, type_="kubernetes.io/tls"),
    {"apiVersion": "external-secrets.io/v1", "kind": "SecretStore", "metadata": meta("vault-backend", "payments"),
     "spec": {"provider": {"vault": {"server": "https://vault.demo.example:8200", "path": "secret", "version": "v2",
              "auth": {"kubernetes": {"mountPath": "kubernetes", "role": "payments",
                       "serviceAccountRef": {"name": "payments-api"}}}}}}},
    {"apiVersion": "external-secrets.io/v1", "kind": "ExternalSecret", "metadata": meta("payments-db", "payments"),
     "spec": {"refreshInterval": "1h", "secretStoreRef": {"name": "vault-backend", "kind": "SecretStore"},
              "target": {"name": "payments-db", "creationPolicy": "Owner"},
              "data": [{"secretKey": "password", "remoteRef": {"key": "payments/db", "property": "password"}},
                       {"secretKey": "username", "remoteRef": {"key": "payments/db", "property": "username"}}]}},
]
payments.append(secret("payments-db", "payments", {"username": "payments", "password": rnd(24)},
                       labels={"reconcile.external-secrets.io/created-by": "payments-db"},
                       owners=[{"apiVersion": "external-secrets.io/v1", "kind": "ExternalSecret", "name": "payments-db",
                                "uid": payments[-1]["metadata"]["uid"], "controller": True, "blockOwnerDeletion": True}]))
api_spec = {"serviceAccountName": "payments-api", "containers": [container("api", "registry.demo.example/payments/api:1.12.0",
            env=[skr("DB_PASSWORD", "payments-db", "password"), skr("DB_USER", "payments-db", "username"),
                 {"name": "PAYMENT_GATEWAY_PASSWORD", "value": rnd(18)},  # a credential as an env literal
                 {"name": "LOG_FORMAT", "value": "json"}],
            env_from=[{"secretRef": {"name": "payments-api-env"}}])]}
payments += deployment("payments-api", "payments", api_spec, replicas=2)
payments += [
    {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "Role", "metadata": meta("debug-exec", "payments"),
     "rules": [{"apiGroups": [""], "resources": ["pods"], "verbs": ["get", "list"]},
               {"apiGroups": [""], "resources": ["pods/exec"], "verbs": ["create"]}]},
    {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding", "metadata": meta("debug-exec-jane", "payments"),
     "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "Role", "name": "debug-exec"},
     "subjects": [{"apiGroup": "rbac.authorization.k8s.io", "kind": "User", "name": "jane@demo.example"}]},
]
write("41-payments.yaml", payments)

# ---------- monitoring (projected volume, old secret, secret reader SA)
old_managed = [{"manager": "kubectl-create", "operation": "Update", "apiVersion": "v1", "time": "2025-12-01T08:00:00Z",
                "fieldsType": "FieldsV1", "fieldsV1": {"f:data": {".": {}, "f:admin-password": {}, "f:admin-user": {}},
                                                       "f:type": {}}}]
monitoring = [
    {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": meta("default", "monitoring")},
    {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": meta("prometheus", "monitoring")},
    {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": meta("secrets-exporter", "monitoring")},
    secret("grafana-admin", "monitoring", {"admin-user": "admin", "admin-password": rnd(20)},
           created="2025-12-01T08:00:00Z", managed=old_managed),
    secret("grafana-tls", "monitoring", {"tls.crt": ok_crt, "tls.key": ok_key}, type_="kubernetes.io/tls"),
    secret("prometheus-remote-write", "monitoring", {"username": "prom", "password": rnd(20)}, type_="kubernetes.io/basic-auth"),
]
prom_spec = {"serviceAccountName": "prometheus", "containers": [container("prometheus", "quay.io/prometheus/prometheus:v2.54.1",
             mounts=[{"name": "creds", "mountPath": "/etc/prometheus/creds", "readOnly": True}])],
             "volumes": [{"name": "creds", "projected": {"sources": [
                 {"secret": {"name": "prometheus-remote-write", "items": [{"key": "password", "path": "remote-write-password"}]}},
                 {"serviceAccountToken": {"path": "token", "expirationSeconds": 3600}}]}}]}
monitoring += deployment("prometheus", "monitoring", prom_spec, replicas=1, kind="StatefulSet")
graf_spec = {"containers": [container("grafana", "grafana/grafana:11.2.0",
             env=[skr("GF_SECURITY_ADMIN_PASSWORD", "grafana-admin", "admin-password")],
             mounts=[{"name": "tls", "mountPath": "/etc/grafana/tls"}])],
             "volumes": [{"name": "tls", "secret": {"secretName": "grafana-tls"}}]}
monitoring += deployment("grafana", "monitoring", graf_spec, replicas=1)
exporter_spec = {"serviceAccountName": "secrets-exporter", "containers": [container("exporter", "registry.demo.example/tools/secrets-exporter:0.3.0")]}
monitoring += deployment("secrets-exporter", "monitoring", exporter_spec, replicas=1)
write("42-monitoring.yaml", monitoring)

# ---------- ci (legacy SA token, dockerconfigjson inline auth, default SA with edit, unused secret)
docker = json.dumps({"auths": {"registry.demo.example": {"auth": b64("ci-bot:" + rnd(16))}}})
ci = [
    {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": meta("default", "ci")},
    {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": meta("ci-deployer", "ci"),
     "secrets": [{"name": "ci-deployer-token"}]},
    secret("ci-deployer-token", "ci", {"token": "eyJhbGciOiJSUzI1NiJ9." + rnd(60) + "." + rnd(40),
           "ca.crt": ca.public_bytes(serialization.Encoding.PEM), "namespace": "ci"},
           type_="kubernetes.io/service-account-token", annotations={"kubernetes.io/service-account.name": "ci-deployer"}),
    secret("registry-pull", "ci", {".dockerconfigjson": docker}, type_="kubernetes.io/dockerconfigjson"),
    secret("old-deploy-key", "ci", {"ssh-privatekey": "-----BEGIN OPENSSH PRIVATE KEY-----\n" + rnd(120) +
           "\n-----END OPENSSH PRIVATE KEY-----\n"}, type_="kubernetes.io/ssh-auth"),
    {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "RoleBinding", "metadata": meta("default-edit", "ci"),
     "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "edit"},
     "subjects": [{"kind": "ServiceAccount", "name": "default", "namespace": "ci"}]},
]
runner_spec = {"serviceAccountName": "default", "imagePullSecrets": [{"name": "registry-pull"}],
               "containers": [container("runner", "registry.demo.example/ci/runner:2.9.0",
                              env=[{"name": "RUNNER_NAME", "value": "demo-runner"}])]}
ci += deployment("ci-runner", "ci", runner_spec, replicas=1)
ci.append({"apiVersion": "batch/v1", "kind": "CronJob", "metadata": meta("nightly-deploy", "ci"),
           "spec": {"schedule": "0 2 * * *", "jobTemplate": {"spec": {"template": {"spec": {
               "serviceAccountName": "ci-deployer", "restartPolicy": "OnFailure", "imagePullSecrets": [{"name": "registry-pull"}],
               "containers": [container("deploy", "registry.demo.example/ci/deployer:1.0.0",
                              mounts=[{"name": "token", "mountPath": "/var/run/deploy"}])],
               "volumes": [{"name": "token", "secret": {"secretName": "ci-deployer-token"}}]}}}}}})
write("43-ci.yaml", ci)

# ---------- default namespace: an unused secret
write("44-default.yaml", [
    {"apiVersion": "v1", "kind": "ServiceAccount", "metadata": meta("default", "default")},
    secret("aws-credentials", "default", {"AWS_ACCESS_KEY_ID": "AKIA" + secrets.token_hex(8).upper(),
                                          "AWS_SECRET_ACCESS_KEY": rnd(30)}),
])

# ---------- risky cluster-wide RBAC
write("50-risky-rbac.yaml", [
    {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": meta("secret-reader", None),
     "rules": [{"apiGroups": [""], "resources": ["secrets"], "verbs": ["get", "list", "watch"]}]},
    {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding", "metadata": meta("secrets-exporter-read-all", None),
     "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "secret-reader"},
     "subjects": [{"kind": "ServiceAccount", "name": "secrets-exporter", "namespace": "monitoring"}]},
    {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding", "metadata": meta("platform-team-admin", None),
     "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "cluster-admin"},
     "subjects": [{"apiGroup": "rbac.authorization.k8s.io", "kind": "Group", "name": "platform-team"}]},
    {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRole", "metadata": meta("support-impersonator", None),
     "rules": [{"apiGroups": [""], "resources": ["users", "groups", "serviceaccounts"], "verbs": ["impersonate"]}]},
    {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding", "metadata": meta("support-bot-impersonate", None),
     "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "support-impersonator"},
     "subjects": [{"apiGroup": "rbac.authorization.k8s.io", "kind": "User", "name": "support-bot"}]},
])
print("ok")
