package dev.billfold;

import com.zaxxer.hikari.HikariDataSource;
import dev.billfold.account.AccountId;
import dev.billfold.account.InvitationId;
import dev.billfold.account.PayerId;
import dev.billfold.adjustment.AdjustmentId;
import dev.billfold.apikey.ApiKeyId;
import dev.billfold.audit.AuditEntryId;
import dev.billfold.base.TypedId;
import dev.billfold.document.PaymentOrderId;
import dev.billfold.document.PowerOfAttorneyId;
import dev.billfold.hosting.HostedServiceId;
import dev.billfold.ledger.LedgerEntryId;
import dev.billfold.notification.MailId;
import dev.billfold.payment.PaymentId;
import dev.billfold.paymentmethod.PaymentMethodId;
import dev.billfold.refund.RefundPartId;
import dev.billfold.payment.QuoteId;
import dev.billfold.refund.RefundRequestId;
import dev.billfold.security.UserId;
import dev.billfold.statement.StatementEntryId;
import dev.billfold.statement.StatementImportId;
import dev.billfold.webhook.WebhookDeliveryId;
import dev.billfold.webhook.WebhookEndpointId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.core.convert.converter.Converter;
import org.springframework.core.convert.converter.GenericConverter;
import org.springframework.data.convert.ReadingConverter;
import org.springframework.data.convert.WritingConverter;
import org.springframework.data.jdbc.core.convert.JdbcCustomConversions;

/**
 * Maps typed ids to uuid columns and currencies to char(3). The application root is the one place that knows every id
 * type; a test keeps the list complete, so start-up needs no class-path scan.
 */
@Configuration(proxyBeanMethods = false)
class PersistenceConfig {

    static final Map<Class<?>, Function<UUID, TypedId>> ID_TYPES = Map.ofEntries(
            Map.entry(AccountId.class, AccountId::new),
            Map.entry(PayerId.class, PayerId::new),
            Map.entry(InvitationId.class, InvitationId::new),
            Map.entry(UserId.class, UserId::new),
            Map.entry(PaymentMethodId.class, PaymentMethodId::new),
            Map.entry(PaymentId.class, PaymentId::new),
            Map.entry(QuoteId.class, QuoteId::new),
            Map.entry(LedgerEntryId.class, LedgerEntryId::new),
            Map.entry(HostedServiceId.class, HostedServiceId::new),
            Map.entry(PaymentOrderId.class, PaymentOrderId::new),
            Map.entry(PowerOfAttorneyId.class, PowerOfAttorneyId::new),
            Map.entry(StatementImportId.class, StatementImportId::new),
            Map.entry(StatementEntryId.class, StatementEntryId::new),
            Map.entry(AdjustmentId.class, AdjustmentId::new),
            Map.entry(AuditEntryId.class, AuditEntryId::new),
            Map.entry(MailId.class, MailId::new),
            Map.entry(RefundRequestId.class, RefundRequestId::new),
            Map.entry(RefundPartId.class, RefundPartId::new),
            Map.entry(ApiKeyId.class, ApiKeyId::new),
            Map.entry(WebhookEndpointId.class, WebhookEndpointId::new),
            Map.entry(WebhookDeliveryId.class, WebhookDeliveryId::new));

    private static final String BATCHED_INSERTS = "reWriteBatchedInserts";

    @Bean
    JdbcCustomConversions jdbcCustomConversions() {
        return new JdbcCustomConversions(List.of(new TypedIdWriter(), new TypedIdReader(),
                new CurrencyWriter(), new CurrencyReader()));
    }

    /**
     * PostgreSQL's driver sends a JDBC batch of inserts row by row unless {@code reWriteBatchedInserts} is on; with it,
     * a statement import's batches of 1,000 payments, ledger entries and mails become a few multi-row inserts
     * (docs/performance.md). Set here for every PostgreSQL pool, so a production URL need not carry it; an explicit
     * setting in the URL or the pool's properties wins. H2 rejects unknown connection settings, so it is left alone.
     */
    @Bean
    static BeanPostProcessor postgresBatchedInserts() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String name) {
                if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                        && pool.getJdbcUrl().startsWith("jdbc:postgresql:")
                        && !pool.getJdbcUrl().contains(BATCHED_INSERTS)
                        && !pool.getDataSourceProperties().containsKey(BATCHED_INSERTS)) {
                    pool.addDataSourceProperty(BATCHED_INSERTS, "true");
                }
                return bean;
            }
        };
    }

    @WritingConverter
    static final class TypedIdWriter implements GenericConverter {
        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return ID_TYPES.keySet().stream().map(type -> new ConvertiblePair(type, UUID.class))
                    .collect(Collectors.toSet());
        }

        @Override
        public @Nullable Object convert(@Nullable Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            return source == null ? null : ((TypedId) source).value();
        }
    }

    @ReadingConverter
    static final class TypedIdReader implements GenericConverter {
        @Override
        public Set<ConvertiblePair> getConvertibleTypes() {
            return ID_TYPES.keySet().stream().map(type -> new ConvertiblePair(UUID.class, type))
                    .collect(Collectors.toSet());
        }

        @Override
        public @Nullable Object convert(@Nullable Object source, TypeDescriptor sourceType, TypeDescriptor targetType) {
            return source == null ? null : ID_TYPES.get(targetType.getType()).apply((UUID) source);
        }
    }

    @WritingConverter
    static final class CurrencyWriter implements Converter<Currency, String> {
        @Override
        public String convert(Currency source) {
            return source.getCurrencyCode();
        }
    }

    @ReadingConverter
    static final class CurrencyReader implements Converter<String, Currency> {
        @Override
        public Currency convert(String source) {
            return Currency.getInstance(source.trim());
        }
    }
}
