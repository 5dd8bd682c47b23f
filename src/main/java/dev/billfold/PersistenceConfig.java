package dev.billfold;

import dev.billfold.account.AccountId;
import dev.billfold.account.InvitationId;
import dev.billfold.account.PayerId;
import dev.billfold.base.TypedId;
import dev.billfold.hosting.HostedServiceId;
import dev.billfold.ledger.LedgerEntryId;
import dev.billfold.notification.MailId;
import dev.billfold.payment.PaymentId;
import dev.billfold.paymentmethod.PaymentMethodId;
import dev.billfold.security.UserId;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
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

    static final Map<Class<?>, Function<UUID, TypedId>> ID_TYPES = Map.of(
            AccountId.class, AccountId::new,
            PayerId.class, PayerId::new,
            InvitationId.class, InvitationId::new,
            UserId.class, UserId::new,
            PaymentMethodId.class, PaymentMethodId::new,
            PaymentId.class, PaymentId::new,
            LedgerEntryId.class, LedgerEntryId::new,
            HostedServiceId.class, HostedServiceId::new,
            MailId.class, MailId::new);

    @Bean
    JdbcCustomConversions jdbcCustomConversions() {
        return new JdbcCustomConversions(List.of(new TypedIdWriter(), new TypedIdReader(),
                new CurrencyWriter(), new CurrencyReader()));
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
