package dev.kustodian.core.cluster;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * Reads one JSON value from a streaming parser into plain Java values, as Jackson's untyped deserialisation does
 * (objects as maps in document order with the last of duplicate names winning, arrays as lists, strings, Integer /
 * Long / BigInteger, Double, Boolean, null), but with objects as {@link ObjectMap}: two arrays instead of a
 * {@link java.util.LinkedHashMap}'s table and one entry object per name. Kubernetes objects are many small maps that
 * are read once by {@link RawModelConverter} and dropped; building and reading the hash tables was half of a large
 * load's parsing work.
 */
final class CompactJson {

    private CompactJson() {
    }

    /**
     * The value at the parser's current token (a {@code START_OBJECT} or {@code START_ARRAY} is read up to its end).
     * The parser's own limits (nesting depth, string and number lengths) apply.
     */
    static Object read(JsonParser p) {
        JsonToken t = p.currentToken();
        if (t == null) {
            t = p.nextToken();
        }
        return value(p, t);
    }

    /** The object at the parser's current {@code START_OBJECT} token. */
    static ObjectMap readObject(JsonParser p) {
        ObjectMap m = new ObjectMap();
        String name;
        while ((name = p.nextName()) != null) {
            m.put(name, value(p, p.nextToken()));
        }
        return m;
    }

    private static Object value(JsonParser p, JsonToken t) {
        if (t == null) {
            throw new IllegalStateException("unexpected end of the JSON input");
        }
        return switch (t) {
            case START_OBJECT -> readObject(p);
            case START_ARRAY -> {
                List<Object> l = new ArrayList<>();
                JsonToken e;
                while ((e = p.nextToken()) != JsonToken.END_ARRAY) {
                    l.add(value(p, e));
                }
                yield l;
            }
            case VALUE_STRING -> p.getString();
            case VALUE_NUMBER_INT -> p.getNumberValue();
            case VALUE_NUMBER_FLOAT -> p.getDoubleValue();
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new IllegalStateException("unexpected JSON token " + t);
        };
    }

    /**
     * A JSON object: names and values in document order, in two arrays; a name given twice keeps its first position
     * and its last value (as {@link java.util.LinkedHashMap#put}). Lookups compare names one by one (objects of
     * Kubernetes resources have a handful of fields); past {@link #INDEXED} names a hash index is kept as well.
     * Filled by the reader; {@code remove} is not supported.
     */
    static final class ObjectMap extends AbstractMap<String, Object> {
        /** From this many names on, lookups go through a hash index. */
        static final int INDEXED = 16;
        private String[] names = new String[4];
        private Object[] values = new Object[4];
        private int size;
        private HashMap<String, Integer> index;

        private int indexOf(Object name) {
            if (index != null) {
                Integer i = index.get(name);
                return i == null ? -1 : i;
            }
            for (int i = 0; i < size; i++) {
                if (names[i].equals(name)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public Object put(String name, Object value) {
            int i = indexOf(name);
            if (i >= 0) {
                Object old = values[i];
                values[i] = value;
                return old;
            }
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            names[size] = name;
            values[size] = value;
            if (index != null) {
                index.put(name, size);
            } else if (size + 1 == INDEXED) {
                index = new HashMap<>(INDEXED * 4);
                for (int j = 0; j <= size; j++) {
                    index.put(names[j], j);
                }
            }
            size++;
            return null;
        }

        @Override
        public Object get(Object name) {
            int i = indexOf(name);
            return i < 0 ? null : values[i];
        }

        @Override
        public boolean containsKey(Object name) {
            return indexOf(name) >= 0;
        }

        @Override
        public int size() {
            return size;
        }

        @Override
        public boolean isEmpty() {
            return size == 0;
        }

        @Override
        public void forEach(BiConsumer<? super String, ? super Object> action) {
            for (int i = 0; i < size; i++) {
                action.accept(names[i], values[i]);
            }
        }

        @Override
        public Set<Entry<String, Object>> entrySet() {
            return new AbstractSet<>() {
                @Override
                public Iterator<Entry<String, Object>> iterator() {
                    return new Iterator<>() {
                        private int next;

                        @Override
                        public boolean hasNext() {
                            return next < size;
                        }

                        @Override
                        public Entry<String, Object> next() {
                            if (next >= size) {
                                throw new NoSuchElementException();
                            }
                            int i = next++;
                            return new SimpleImmutableEntry<>(names[i], values[i]);
                        }
                    };
                }

                @Override
                public int size() {
                    return size;
                }
            };
        }
    }
}
