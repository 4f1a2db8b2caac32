package dev.kustodian.ui.secrets;

import dev.kustodian.core.model.SecretInfo;
import dev.kustodian.ui.framework.Card;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Region;

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
                g.addRow(row++, key("Problem"), value(t.parseError()));
            } else {
                g.addRow(row++, key("Subject"), value(t.subject()));
                g.addRow(row++, key("SANs"), value(t.dnsNames().isEmpty() ? "none" : String.join(", ", t.dnsNames())));
                g.addRow(row++, key("Issuer"), value(t.issuer() + (t.selfSigned() ? " (self-signed)" : "")));
                Label exp = value(fmt(t.notAfter()) + " · " + expiry(t.notAfter(), clock.instant()));
                exp.setId("tls-expiry");
                exp.getStyleClass().add(expiryClass(t.notAfter(), clock.instant()));
                g.addRow(row++, key("Not after"), exp);
                if (t.keyAlgorithm() != null) {
                    g.addRow(row++, key("Key"), value(t.keyAlgorithm()));
                }
                if (t.chainLength() > 1) {
                    g.addRow(row++, key("Chain"), value(t.chainLength() + " certificates"));
                }
            }
        } else if (s.dockerConfig() != null) {
            title = "Registry credentials";
            SecretInfo.DockerConfigFacts d = s.dockerConfig();
            if (d.parseError() != null) {
                g.addRow(row++, key("Problem"), value(d.parseError()));
            }
            g.addRow(row++, key("Registries"), value(d.registries().isEmpty() ? "none" : String.join(", ", d.registries())));
            g.addRow(row++, key("Inline auth"), value(d.inlineAuth()
                    ? "yes: a password or auth token is stored in the secret" : "no"));
        } else if (s.serviceAccountName() != null) {
            title = "Service-account token";
            g.addRow(row++, key("Account"), value("ServiceAccount/" + r.namespace() + "/" + s.serviceAccountName()));
            g.addRow(row++, key("Lifetime"), value("long-lived (never expires): prefer projected, short-lived tokens"));
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

    private static Label key(String s) {
        Label l = new Label(s);
        l.setMinWidth(Region.USE_PREF_SIZE);
        l.getStyleClass().add("field-label");
        return l;
    }

    private static Label value(String s) {
        Label l = new Label(s == null ? "" : s);
        l.setWrapText(true);
        return l;
    }
}
