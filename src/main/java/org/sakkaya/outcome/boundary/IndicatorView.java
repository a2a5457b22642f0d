package org.sakkaya.outcome.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.sakkaya.outcome.entity.Indicator;
import org.sakkaya.outcome.entity.IndicatorActivity;
import org.sakkaya.outcome.entity.Measure;
import org.sakkaya.outcome.entity.Strategy;
import org.sakkaya.outcome.entity.Unit;
import org.sakkaya.platform.Bangkok;

public record IndicatorView(String id, String code, String nameTh, int fiscalYear, String ownerOrganizationId,
                            boolean closed, OffsetDateTime closedAt, List<ActivityView> activities) {

    public record ActivityView(String id, int position, String title, Measure measure, ScopeView scope, BigDecimal target,
                               Unit unit, String unitTh, LocalDate startsOn, @JsonbNillable LocalDate dueOn, String periodNote, Strategy strategy) {
        static ActivityView of(IndicatorActivity a) {
            return new ActivityView(a.id(), a.position(), a.title(), a.measure(), ScopeView.of(a), a.target(), a.unit(),
                    a.unit().th(), a.startsOn(), a.dueOn(), a.periodNote(), a.strategy());
        }
    }

    /** The fields API.md lists are always there, null when the activity's scope leaves them out. */
    public record ScopeView(@JsonbNillable String programId, List<String> cohortIds, @JsonbNillable String organizationId) {
        static ScopeView of(IndicatorActivity a) {
            return new ScopeView(a.scope().programId(), a.scope().cohortIds().stream().sorted().toList(), a.scope().organizationId());
        }
    }

    static IndicatorView of(Indicator i, List<IndicatorActivity> activities) {
        return new IndicatorView(i.id(), i.code(), i.nameTh(), i.fiscalYear().buddhistYear(), i.ownerOrganizationId(),
                i.closed(), Bangkok.time(i.closedAt()), activities.stream().map(ActivityView::of).toList());
    }
}
