package dev.billfold.apikey;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param live whether new keys are live keys ({@code bfk_live_}, production) or test keys ({@code bfk_test_}: the
 *             embedded default and showrooms), so that a secret scanner and a person can tell which one leaked
 */
@ConfigurationProperties("billfold.api.keys")
record ApiKeyProperties(boolean live) {
}
