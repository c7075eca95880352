package io.plantspy.web.i18n;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * English and French. Without a choice the browser's {@code Accept-Language} decides (English when it asks for
 * neither); the header's switch ({@code ?lang=fr}) keeps the choice in a cookie for a year.
 */
@Configuration(proxyBeanMethods = false)
public class LanguageConfig implements WebMvcConfigurer {

  static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.FRENCH);

  @Bean
  LocaleResolver localeResolver() {
    CookieLocaleResolver resolver = new CookieLocaleResolver("plantspy-lang");
    resolver.setCookieMaxAge(Duration.ofDays(365));
    resolver.setDefaultLocaleFunction(request -> {
      for (java.util.Enumeration<Locale> asked = request.getLocales(); asked.hasMoreElements();) {
        Locale locale = asked.nextElement();
        for (Locale supported : SUPPORTED) {
          if (supported.getLanguage().equals(locale.getLanguage())) {
            return supported;
          }
        }
      }
      return Locale.ENGLISH;
    });
    return resolver;
  }

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    LocaleChangeInterceptor change = new LocaleChangeInterceptor();
    change.setParamName("lang");
    change.setIgnoreInvalidLocale(true);
    registry.addInterceptor(change);
  }
}
