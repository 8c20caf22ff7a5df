// Alertmanager in dev: receives Prometheus alerts, groups them and emails the devops
// address. SMTP goes through Amazon SES in the primary region.

import InfraKubernetes

/// Alertmanager: config, StatefulSet (silences and notification log on a volume), Service.
struct AlertManager {
    /// The namespace.
    var namespace: String

    /// Where Prometheus sends alerts (`host:port` of the Service).
    var address: String { "alertmanager.\(namespace).svc.cluster.local:\(Self.port)" }
    /// The port of the API and UI.
    static let port = 9093

    /// `alertmanager.yml`.
    static var configuration: String {
        """
        global:
          smtp_smarthost: "email-smtp.\(OVESSettings.primaryRegion).amazonaws.com:587"
          smtp_from: "alertmanager@\(OVESSettings.apexDomain)"
          smtp_require_tls: true
        route:
          receiver: devops-email
          group_by: [alertname, namespace]
          group_wait: 30s
          group_interval: 5m
          repeat_interval: 4h
        receivers:
          - name: devops-email
            email_configs:
              - to: "\(OVESSettings.alertEmail)"
                send_resolved: true

        """
    }

    /// Everything Alertmanager needs.
    var content: StatefulWorkload {
        StatefulWorkload(
            name: "alertmanager", namespace: namespace, image: "prom/alertmanager:v0.27.0",
            ports: [.init(name: "http", port: Self.port)], storage: "5Gi", mountPath: "/alertmanager",
            resources: .small, security: WorkloadSecurity(user: 65534, group: 65534, fsGroup: 65534),
            health: .http(path: "/-/ready", port: "http"),
            args: ["--config.file=/etc/alertmanager/alertmanager.yml", "--storage.path=/alertmanager"],
            config: ConfigFiles(
                name: "alertmanager-config", mountPath: "/etc/alertmanager",
                files: ["alertmanager.yml": Self.configuration]))
    }
}
