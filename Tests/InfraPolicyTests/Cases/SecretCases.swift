// Violating and compliant examples of the secret rules. The credentials are fakes: AWS's own
// documentation key (AKIAIOSFODNN7EXAMPLE), a truncated PEM block and "not-a-real-password".

import InfraCore
import InfraPolicy

enum SecretCases {
    static let fakePrivateKey =
        "-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAnotarealkey\n-----END RSA PRIVATE KEY-----"

    static let terraform: [RuleCase] = [
        .terraform(
            "INFRA-SECRET-001", "a literal database password", violates: true,
            resource: "aws_db_instance.secret_001_bad",
            ["aws_db_instance": ["secret_001_bad": database(password: "not-a-real-password")]]),
        .terraform(
            "INFRA-SECRET-001", "a literal password of the second broker user", violates: true,
            resource: "aws_mq_broker.secret_001_user",
            [
                "aws_mq_broker": [
                    "secret_001_user": [
                        "broker_name": "secret-001-user", "engine_type": "ActiveMQ", "engine_version": "5.18",
                        "host_instance_type": "mq.t3.micro",
                        "user": [
                            ["username": "app", "password": "${random_password.secret_001.result}"],
                            ["username": "admin", "password": "not-a-real-password"],
                        ],
                    ]
                ]
            ]),
        .terraform(
            "INFRA-SECRET-001", "a password computed by a function of literals only", violates: true,
            resource: "aws_db_instance.secret_001_function",
            ["aws_db_instance": ["secret_001_function": database(password: "${base64encode(\"not-real\")}")]]),
        .terraform(
            "INFRA-SECRET-001", "a master password managed by RDS", violates: false,
            resource: "aws_db_instance.secret_001_managed",
            [
                "aws_db_instance": [
                    "secret_001_managed": [
                        "identifier": "secret-001-managed", "engine": "postgres", "instance_class": "db.t3.micro",
                        "allocated_storage": 20, "username": "app", "manage_master_user_password": true,
                    ]
                ]
            ]),
        .terraform(
            "INFRA-SECRET-001", "a password from a generated random_password", violates: false,
            resource: "aws_db_instance.secret_001_generated",
            [
                "aws_db_instance": [
                    "secret_001_generated": database(password: "${random_password.secret_001.result}")
                ]
            ]),
        .terraform(
            "INFRA-SECRET-002", "an access key in EC2 user data", violates: true,
            resource: "aws_instance.secret_002_bad",
            [
                "aws_instance": [
                    "secret_002_bad": instance(
                        userData: "#!/bin/bash\nexport AWS_ACCESS_KEY_ID=AKIAIOSFODNN7EXAMPLE\n/opt/app/start")
                ]
            ]),
        .terraform(
            "INFRA-SECRET-002", "a private key written by EC2 user data", violates: true,
            resource: "aws_instance.secret_002_key",
            [
                "aws_instance": [
                    "secret_002_key": instance(
                        userData: "#!/bin/bash\ncat > /etc/app/key.pem <<EOF\n\(fakePrivateKey)\nEOF")
                ]
            ]),
        .terraform(
            "INFRA-SECRET-002", "user data that reads its credentials from the instance role", violates: false,
            resource: "aws_instance.secret_002_good",
            ["aws_instance": ["secret_002_good": instance(userData: "#!/bin/bash\n/opt/app/start --use-instance-role")]]
        ),
        .terraform(
            "INFRA-SECRET-006", "a literal password in Lambda environment variables", violates: true,
            resource: "aws_lambda_function.secret_006_bad",
            ["aws_lambda_function": ["secret_006_bad": function(["DB_PASSWORD": "not-a-real-password"])]]),
        .terraform(
            "INFRA-SECRET-006", "the ARN of the secret in Lambda environment variables", violates: false,
            resource: "aws_lambda_function.secret_006_good",
            [
                "aws_lambda_function": [
                    "secret_006_good": function([
                        "DB_PASSWORD_SECRET_ARN": "${aws_secretsmanager_secret.secret_006.arn}", "LOG_LEVEL": "info",
                        "API_TOKEN": "${random_password.secret_006.result}",
                    ])
                ]
            ]),
    ]

    static let kubernetes: [RuleCase] = [
        .kubernetes(
            "INFRA-SECRET-003", "a Secret with literal stringData", violates: true,
            resource: "Secret secret-003-bad/db", [secret("db", namespace: "secret-003-bad", data: true)]),
        .kubernetes(
            "INFRA-SECRET-003", "a service account token Secret filled by the controller", violates: false,
            resource: "Secret secret-003-good/ci-token", [secret("ci-token", namespace: "secret-003-good", data: false)]
        ),
        .kubernetes(
            "INFRA-SECRET-004", "a fixture Secret that opted in with a reason", violates: true,
            resource: "Secret secret-004-bad/fixture",
            [secret("fixture", namespace: "secret-004-bad", data: true, optIn: "fake credentials for the CI cluster")]),
        .kubernetes(
            "INFRA-SECRET-004", "a Secret without the opt-in", violates: false,
            resource: "Secret secret-004-good/ci-token", [secret("ci-token", namespace: "secret-004-good", data: false)]
        ),
        .kubernetes(
            "INFRA-SECRET-005", "a private key in a ConfigMap", violates: true,
            resource: "ConfigMap secret-005-bad/tls",
            [configMap("tls", namespace: "secret-005-bad", data: ["server.key": .string(fakePrivateKey)])]),
        .kubernetes(
            "INFRA-SECRET-005", "a ConfigMap of settings", violates: false, resource: "ConfigMap secret-005-good/tls",
            [configMap("tls", namespace: "secret-005-good", data: ["server.crt.path": "/etc/tls/tls.crt"])]),
        .kubernetes(
            "INFRA-SECRET-007", "a literal password in a container's environment", violates: true,
            resource: "Deployment secret-007-bad/app",
            [
                deployment(
                    namespace: "secret-007-bad",
                    env: [
                        ["name": "DB_USER", "value": "app"], ["name": "DB_PASSWORD", "value": "not-a-real-password"],
                    ])
            ]),
        .kubernetes(
            "INFRA-SECRET-007", "passwords from a Secret and a mounted file", violates: false,
            resource: "Deployment secret-007-good/app",
            [
                deployment(
                    namespace: "secret-007-good",
                    env: [
                        [
                            "name": "DB_PASSWORD",
                            "valueFrom": ["secretKeyRef": ["name": "db-credentials", "key": "password"]],
                        ],
                        ["name": "POSTGRES_PASSWORD_FILE", "value": "/run/secrets/db/password"],
                        ["name": "REDIS_PASSWORD", "value": "$(DB_PASSWORD)"],
                    ])
            ]),
    ]

    static func database(password: String) -> Value {
        [
            "identifier": "secret-001", "engine": "postgres", "instance_class": "db.t3.micro", "allocated_storage": 20,
            "username": "app", "password": .string(password),
        ]
    }

    static func instance(userData: String) -> Value {
        ["ami": "ami-0123456789abcdef0", "instance_type": "t3.micro", "user_data": .string(userData)]
    }

    static func function(_ variables: ValueObject) -> Value {
        [
            "function_name": "secret-006", "role": "arn:aws:iam::123456789012:role/app", "runtime": "python3.12",
            "handler": "app.handler", "filename": "app.zip", "environment": ["variables": .object(variables)],
        ]
    }

    static func secret(_ name: String, namespace: String, data: Bool, optIn: String? = nil) -> Value {
        var metadata: ValueObject = ["name": .string(name), "namespace": .string(namespace)]
        if let optIn { metadata["annotations"] = ["swift-infra.dev/allow-literal-secret": .string(optIn)] }
        var object: ValueObject = ["apiVersion": "v1", "kind": "Secret", "metadata": .object(metadata)]
        if data {
            object["stringData"] = ["password": "not-a-real-password"]
        } else {
            metadata["annotations"] = ["kubernetes.io/service-account.name": "ci"]
            object["metadata"] = .object(metadata)
            object["type"] = "kubernetes.io/service-account-token"
        }
        return .object(object)
    }

    static func configMap(_ name: String, namespace: String, data: ValueObject) -> Value {
        [
            "apiVersion": "v1", "kind": "ConfigMap",
            "metadata": ["name": .string(name), "namespace": .string(namespace)],
            "data": .object(data),
        ]
    }

    /// The hardened workload of the Kubernetes cases with `env` on its container.
    static func deployment(namespace: String, env: [Value]) -> Value {
        var document = KubernetesCases.deployment("app", namespace: namespace).objectValue ?? ValueObject()
        guard var spec = document["spec"]?.objectValue, var template = spec["template"]?.objectValue,
            var podSpec = template["spec"]?.objectValue,
            var container = podSpec["containers"]?.arrayValue?.first?.objectValue
        else { return .object(document) }
        container["env"] = .array(env)
        podSpec["containers"] = [.object(container)]
        template["spec"] = .object(podSpec)
        spec["template"] = .object(template)
        document["spec"] = .object(spec)
        return .object(document)
    }
}
