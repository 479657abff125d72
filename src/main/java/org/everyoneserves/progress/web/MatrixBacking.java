package org.everyoneserves.progress.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import org.everyoneserves.platform.Caller;
import org.everyoneserves.progress.Matrix;
import org.everyoneserves.progress.ProgressService;

/** /manager/matrix.xhtml: a small team against its items at a glance. */
@Named
@RequestScoped
public class MatrixBacking {

    @Inject
    ProgressService progress;

    @Inject
    Caller caller;

    private Matrix matrix;

    public Matrix getMatrix() {
        if (matrix == null) {
            matrix = progress.matrix(caller);
        }
        return matrix;
    }

    public int getMaxTeam() {
        return ProgressService.MATRIX_MAX;
    }
}
