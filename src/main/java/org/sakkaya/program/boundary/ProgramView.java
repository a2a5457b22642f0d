package org.sakkaya.program.boundary;

import java.util.List;
import org.sakkaya.program.entity.Program;
import org.sakkaya.program.entity.Track;

public record ProgramView(String id, String code, String nameTh, String nameEn, Track track, String description,
                          List<CompetencyView> competencies) {
    public record CompetencyView(String code, String nameTh) {
    }

    static ProgramView of(Program p) {
        return new ProgramView(p.id(), p.code(), p.nameTh(), p.nameEn(), p.track(), p.description(),
                p.competencies().stream().map(c -> new CompetencyView(c.code(), c.nameTh())).toList());
    }
}
