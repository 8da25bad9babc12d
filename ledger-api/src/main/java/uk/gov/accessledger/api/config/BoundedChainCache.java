package uk.gov.accessledger.api.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

/**
 * A least-recently-used cache of subject chains with a fixed capacity. Axon's WeakReferenceCache
 * loses chains at every young GC, so under load each entry would replay its subject's whole
 * history; a strong, bounded cache keeps the working set and bounds memory. Listeners are not
 * supported (nothing here registers one).
 */
final class BoundedChainCache implements Cache {

    /** Guarded by itself; access-ordered, so iteration starts at the least recently used chain. */
    private final LinkedHashMap<Object, Object> entries;

    BoundedChainCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("requires a capacity of at least 1, got " + capacity);
        }
        this.entries = new LinkedHashMap<>(Math.min(capacity, 1 << 16), 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, Object> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        synchronized (entries) {
            return (V) entries.get(key);
        }
    }

    @Override
    public void put(Object key, Object value) {
        synchronized (entries) {
            entries.put(key, value);
        }
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        synchronized (entries) {
            return entries.putIfAbsent(key, value) == null;
        }
    }

    @Override
    public boolean remove(Object key) {
        synchronized (entries) {
            return entries.remove(key) != null;
        }
    }

    @Override
    public void removeAll() {
        synchronized (entries) {
            entries.clear();
        }
    }

    @Override
    public boolean containsKey(Object key) {
        synchronized (entries) {
            return entries.containsKey(key);
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        synchronized (entries) {
            entries.computeIfPresent(key, (k, v) -> update.apply((V) v));
        }
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("couldn't register a cache listener: not supported");
    }

    int size() {
        synchronized (entries) {
            return entries.size();
        }
    }
}
