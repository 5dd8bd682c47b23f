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
        dev.billfold.hosting.Runway runway = renewals.runway();
        return new Runway(RunwayTexts.sentence(runway, locale), RunwayTexts.brief(runway, locale),
                runway.shorterThan(renewals.runwayWarningDays()));
    }

    @Override
    public List<Cover> covers(Locale locale) {
        return renewals.coverPresets().stream()
                .map(preset -> new Cover("cover-" + preset.months(), RunwayTexts.cover(preset, locale),
                        preset.amount()))
                .toList();
    }
}
