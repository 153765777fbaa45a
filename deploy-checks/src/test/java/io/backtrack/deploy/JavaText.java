package io.backtrack.deploy;

import java.util.regex.Pattern;

/** Java source text with comments removed, so that examples in Javadoc are not mistaken for code. */
final class JavaText {

    private static final Pattern BLOCK_COMMENT = Pattern.compile("/\\*.*?\\*/", Pattern.DOTALL);
    private static final Pattern LINE_COMMENT = Pattern.compile("(?m)(^|[^:\"])//.*$");

    private JavaText() {
    }

    static String withoutComments(String source) {
        String withoutBlocks = BLOCK_COMMENT.matcher(source).replaceAll(" ");
        return LINE_COMMENT.matcher(withoutBlocks).replaceAll("$1");
    }
}
