package dev.billfold.account;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/** Switched-on mail that could not work stops the start, with a message that says what to set. */
class InvitationMailerTest {

    @Test
    void mail_switched_on_without_an_smtp_server_sender_or_public_url_fails_at_start_up() {
        assertThatThrownBy(() -> new InvitationMailer(new MailProperties(true, "billing@provider.test", "https://billing.test"), none()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("spring.mail.host (SPRING_MAIL_HOST)");
        assertThatThrownBy(() -> new InvitationMailer(new MailProperties(true, "billing@provider.test", ""), smtp()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("BILLFOLD_PUBLIC_URL");
        assertThatThrownBy(() -> new InvitationMailer(new MailProperties(true, "not an address", "https://billing.test"), smtp()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("BILLFOLD_MAIL_FROM");
    }

    @Test
    void mail_switched_off_needs_nothing_and_a_complete_configuration_starts() {
        assertThatCode(() -> new InvitationMailer(new MailProperties(false, "", ""), none())).doesNotThrowAnyException();
        assertThatCode(() -> new InvitationMailer(new MailProperties(true, "billing@provider.test", "https://billing.test/"), smtp()))
                .doesNotThrowAnyException();
    }

    private static org.springframework.beans.factory.ObjectProvider<JavaMailSender> none() {
        return new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class);
    }

    private static org.springframework.beans.factory.ObjectProvider<JavaMailSender> smtp() {
        var factory = new StaticListableBeanFactory();
        factory.addBean("mailSender", new JavaMailSenderImpl());
        return factory.getBeanProvider(JavaMailSender.class);
    }
}
