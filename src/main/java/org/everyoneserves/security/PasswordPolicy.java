package org.everyoneserves.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.everyoneserves.platform.BusinessException;

/**
 * What a new password must be (ASVS 5.0 V6.2): {@value PasswordHasher#MIN_LENGTH} to {@value PasswordHasher#MAX_LENGTH}
 * characters, any characters, not one of the 10,000 most common passwords of that length, and not built on a word
 * that belongs to the context: the company, the product, the person's names and e-mail. Checked when a password is set
 * with a link, reset, or changed.
 *
 * <p>The list ({@code common-passwords.txt} beside this class) is the first 10,000 distinct lower-case entries of
 * 10 to 128 characters of SecLists' "10 million password list top 1M" (see its {@code .LICENSE} file); passwords
 * are compared without regard to case.
 */
public final class PasswordPolicy {

    /** Context words shorter than this are too common inside ordinary words to refuse. */
    static final int CONTEXT_WORD_MIN = 4;
    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /**
     * Refuses a password that breaks the policy, with the reason as the exception's code.
     *
     * @param contextWords the company, the person's first and last name, e-mail; split into words here
     */
    public static void check(String password, Collection<String> contextWords) {
        if (password == null || password.length() < PasswordHasher.MIN_LENGTH) {
            throw new BusinessException(BusinessException.Kind.INVALID, "password.error.tooShort", PasswordHasher.MIN_LENGTH);
        }
        if (password.length() > PasswordHasher.MAX_LENGTH) {
            throw new BusinessException(BusinessException.Kind.INVALID, "password.error.tooLong", PasswordHasher.MAX_LENGTH);
        }
        if (password.isBlank()) {
            throw new BusinessException(BusinessException.Kind.INVALID, "password.error.weak");
        }
        String lower = password.toLowerCase(Locale.ROOT);
        if (COMMON.contains(lower)) {
            throw new BusinessException(BusinessException.Kind.INVALID, "password.error.common");
        }
        String letters = lettersAndDigits(lower);
        for (String word : words(contextWords)) {
            if (letters.contains(word)) {
                throw new BusinessException(BusinessException.Kind.INVALID, "password.error.context");
            }
        }
    }

    /** The context words: each given text split at anything that is not a letter or digit, the short ones left out. */
    static Set<String> words(Collection<String> texts) {
        Set<String> words = new HashSet<>();
        words.add("everyoneserves");
        for (String text : texts) {
            if (text == null) {
                continue;
            }
            String lower = text.toLowerCase(Locale.ROOT);
            String whole = lettersAndDigits(lower);
            if (whole.length() >= CONTEXT_WORD_MIN && whole.length() <= 30) {
                words.add(whole);
            }
            for (String part : lower.split("[^\\p{L}\\p{N}]+")) {
                if (part.length() >= CONTEXT_WORD_MIN) {
                    words.add(part);
                }
            }
        }
        return words;
    }

    static boolean isCommon(String password) {
        return COMMON.contains(password.toLowerCase(Locale.ROOT));
    }

    static int commonCount() {
        return COMMON.size();
    }

    private static String lettersAndDigits(String text) {
        return text.replaceAll("[^\\p{L}\\p{N}]", "");
    }

    private static Set<String> load() {
        Set<String> common = new HashSet<>(16_384);
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("common-passwords.txt")) {
            if (in == null) {
                throw new IllegalStateException("common-passwords.txt is missing from the application");
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                if (!line.isEmpty()) {
                    common.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(common);
    }
}
