package io.backtrack.platform.input;

/**
 * Whether text says anything a reader can see. A reason that clears an EMERGENCY red flag or declines a
 * referral must be readable in the record: a zero-width space, a no-break space or a direction mark
 * alone is as blank as no reason at all.
 */
public final class VisibleText {

    private VisibleText() {
    }

    /** True when {@code text} holds at least one character that is neither space, format nor control. */
    public static boolean isPresent(CharSequence text) {
        return text != null && text.codePoints().anyMatch(VisibleText::isVisible);
    }

    private static boolean isVisible(int codePoint) {
        int type = Character.getType(codePoint);
        return !Character.isWhitespace(codePoint) && !Character.isSpaceChar(codePoint)
                && type != Character.FORMAT && type != Character.CONTROL;
    }
}
