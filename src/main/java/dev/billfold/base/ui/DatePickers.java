package dev.billfold.base.ui;

import com.ibm.icu.util.Calendar;
import com.ibm.icu.util.ULocale;
import com.vaadin.flow.component.datepicker.DatePicker;
import java.time.DayOfWeek;
import java.time.Month;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A date picker in the page's language, switched with it: the date format (the picker's locale) and the calendar's
 * month and weekday names, first day of the week and buttons, which the locale alone leaves in English.
 */
public final class DatePickers {

    /** Sunday first, as vaadin-date-picker counts its weekdays. */
    private static final List<DayOfWeek> FROM_SUNDAY = List.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY);

    private DatePickers() {
    }

    /** Binds the picker to the page's language (Localized's list: set again on every switch). */
    public static DatePicker follow(DatePicker picker) {
        return Localized.bind(picker, tag -> speak(picker, Locale.forLanguageTag(tag)), Locale::toLanguageTag);
    }

    static void speak(DatePicker picker, Locale locale) {
        picker.setLocale(locale);
        picker.setI18n(i18n(locale, picker.getTranslation(locale, "ui.date-picker.today"),
                picker.getTranslation(locale, "ui.date-picker.cancel")));
    }

    /**
     * The JDK's CLDR names, stand-alone (Russian "январь", not the "января" of a date), capitalised as a heading; the
     * first day of the week of the language's likely country (ru → Russia: Monday), which Java's WeekFields would
     * take from a country the locale does not have.
     */
    static DatePicker.DatePickerI18n i18n(Locale locale, String today, String cancel) {
        List<String> months = Arrays.stream(Month.values())
                .map(month -> heading(month.getDisplayName(TextStyle.FULL_STANDALONE, locale), locale)).toList();
        List<String> weekdays = FROM_SUNDAY.stream()
                .map(day -> heading(day.getDisplayName(TextStyle.FULL_STANDALONE, locale), locale)).toList();
        List<String> weekdaysShort = FROM_SUNDAY.stream()
                .map(day -> heading(day.getDisplayName(TextStyle.SHORT_STANDALONE, locale), locale)).toList();
        int firstDay = Calendar.getInstance(ULocale.addLikelySubtags(ULocale.forLocale(locale))).getFirstDayOfWeek();
        return new DatePicker.DatePickerI18n().setMonthNames(months).setWeekdays(weekdays)
                .setWeekdaysShort(weekdaysShort).setFirstDayOfWeek(firstDay - Calendar.SUNDAY).setToday(today)
                .setCancel(cancel);
    }

    private static String heading(String name, Locale locale) {
        return name.isEmpty() ? name : name.substring(0, 1).toUpperCase(locale) + name.substring(1);
    }
}
