package org.sakkaya.program.boundary;

import jakarta.json.bind.annotation.JsonbNillable;
import java.util.List;
import org.sakkaya.program.entity.Program;
import org.sakkaya.program.entity.Track;

/** The fields API.md lists are always there, null when empty. */
public record ProgramView(String id, String code, String nameTh, @JsonbNillable String nameEn, Track track, @JsonbNillable String description,
                          List<CompetencyView> competencies) {
    public record CompetencyView(String code, String nameTh) {
    }

    static ProgramView of(Program p) {
        return new ProgramView(p.id(), p.code(), p.nameTh(), p.nameEn(), p.track(), p.description(),
                p.competencies().stream().map(c -> new CompetencyView(c.code(), c.nameTh())).toList());
    }
}
