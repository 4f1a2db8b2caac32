package dev.kustodian.ui.secrets;

import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.ui.framework.Card;
import dev.kustodian.ui.framework.Labels;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Type-aware facts of a secret: the certificate of a TLS secret, the registries of a docker config, a SA token. */
final class FactsCard {
    private FactsCard() {
    }

    /** The facts card for this secret's type, or null when its type has none. */
    static Card of(SecretRow r, Clock clock) {
        SecretInfo s = r.secret();
        GridPane g = new GridPane();
        g.setId("secret-facts");
        g.setHgap(12);
        g.setVgap(4);
        int row = 0;
        String title;
        if (s.tls() != null) {
            title = "Certificate";
            SecretInfo.TlsFacts t = s.tls();
            if (t.parseError() != null) {
                g.addRow(row++, Labels.key("Problem"), Labels.value(t.parseError()));
            } else {
                g.addRow(row++, Labels.key("Subject"), Labels.value(t.subject()));
                g.addRow(row++, Labels.key("SANs"), Labels.value(t.dnsNames().isEmpty() ? "none" : String.join(", ", t.dnsNames())));
                g.addRow(row++, Labels.key("Issuer"), Labels.value(t.issuer() + (t.selfSigned() ? " (self-signed)" : "")));
                Label exp = Labels.value(fmt(t.notAfter()) + " · " + expiry(t.notAfter(), clock.instant()));
                exp.setId("tls-expiry");
                exp.getStyleClass().add(expiryClass(t.notAfter(), clock.instant()));
                g.addRow(row++, Labels.key("Not after"), exp);
                if (t.keyAlgorithm() != null) {
                    g.addRow(row++, Labels.key("Key"), Labels.value(t.keyAlgorithm()));
                }
                if (t.chainLength() > 1) {
                    g.addRow(row++, Labels.key("Chain"), Labels.value(t.chainLength() + " certificates"));
                }
            }
        } else if (s.dockerConfig() != null) {
            title = "Registry credentials";
            SecretInfo.DockerConfigFacts d = s.dockerConfig();
            if (d.parseError() != null) {
                g.addRow(row++, Labels.key("Problem"), Labels.value(d.parseError()));
            }
            g.addRow(row++, Labels.key("Registries"), Labels.value(d.registries().isEmpty() ? "none" : String.join(", ", d.registries())));
            g.addRow(row++, Labels.key("Inline auth"), Labels.value(d.inlineAuth()
                    ? "yes: a password or auth token is stored in the secret" : "no"));
        } else if (s.serviceAccountName() != null) {
            title = "Service-account token";
            g.addRow(row++, Labels.key("Account"), Labels.value("ServiceAccount/" + r.namespace() + "/" + s.serviceAccountName()));
            g.addRow(row++, Labels.key("Lifetime"), Labels.value("long-lived (never expires): prefer projected, short-lived tokens"));
        } else {
            return null;
        }
        Card c = new Card(title, g);
        c.setId("facts-card");
        return c;
    }

    static String expiry(Instant notAfter, Instant now) {
        if (notAfter == null) {
            return "unknown";
        }
        long days = Duration.between(now, notAfter).toDays();
        if (notAfter.isBefore(now)) {
            return "expired " + (-days) + " day(s) ago";
        }
        return days <= 30 ? "expires in " + days + " day(s)" : "valid for " + days + " days";
    }

    static String expiryClass(Instant notAfter, Instant now) {
        if (notAfter == null) {
            return "expiry-unknown";
        }
        return notAfter.isBefore(now) ? "expiry-expired"
                : notAfter.isBefore(now.plus(Duration.ofDays(30))) ? "expiry-soon" : "expiry-ok";
    }

    private static String fmt(Instant i) {
        return i == null ? "unknown" : DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC).format(i);
    }
}
