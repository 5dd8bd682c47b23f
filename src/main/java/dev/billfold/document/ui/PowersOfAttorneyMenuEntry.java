package dev.billfold.document.ui;

import dev.billfold.document.PowerOfAttorneyReview;
import dev.billfold.staff.ui.OpsMenuEntry;
import java.util.OptionalLong;
import org.springframework.stereotype.Component;

/** The powers-of-attorney queue, with how many wait. */
@Component
class PowersOfAttorneyMenuEntry implements OpsMenuEntry {

    private final PowerOfAttorneyReview review;

    PowersOfAttorneyMenuEntry(PowerOfAttorneyReview review) {
        this.review = review;
    }

    @Override
    public String key() {
        return "powers-of-attorney";
    }

    @Override
    public Class<PowersOfAttorneyReviewView> view() {
        return PowersOfAttorneyReviewView.class;
    }

    @Override
    public int position() {
        return 23;
    }

    @Override
    public OptionalLong waiting() {
        return OptionalLong.of(review.waiting());
    }
}
