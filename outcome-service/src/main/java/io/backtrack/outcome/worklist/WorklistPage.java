package io.backtrack.outcome.worklist;

import java.util.List;

/** One page of the worklist ({@code page} from 0) and how many items it has in all. */
public record WorklistPage(int page, int size, int total, List<WorklistItem> items) {
}
