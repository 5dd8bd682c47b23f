package dev.billfold.hosting.ui;

import dev.billfold.hosting.RenewalService;
import dev.billfold.ui.BalanceOutlook;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/** The runway for the header and the top-up page, which may not know the services themselves (DD-104). */
@Component
class RunwayOutlook implements BalanceOutlook {

    private final RenewalService renewals;

    RunwayOutlook(RenewalService renewals) {
        this.renewals = renewals;
    }

    @Override
    public Runway runway(Locale locale) {
        return words(renewals.runway(), locale);
    }

    @Override
    public TopUp forTopUp(Locale locale) {
        RenewalService.RunwayAndCovers read = renewals.runwayAndCovers();
        List<Cover> covers = read.covers().stream()
                .map(preset -> new Cover("cover-" + preset.months(), RunwayTexts.cover(preset, locale),
                        preset.amount()))
                .toList();
        return new TopUp(words(read.runway(), locale), covers);
    }

    private Runway words(dev.billfold.hosting.Runway runway, Locale locale) {
        return new Runway(RunwayTexts.sentence(runway, locale), RunwayTexts.brief(runway, locale),
                runway.shorterThan(renewals.runwayWarningDays()));
    }
}
