package com.changgou.e2e.support;

import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One scrape of a Prometheus text endpoint, as Prometheus itself would take it: every sample with
 * its labels. Written here because the e2e tests need only this much of the format (name, labels,
 * value); a Prometheus server is not part of the tested suite.
 */
public final class Scrape {

    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private record Sample(String name, Map<String, String> labels, double value) {
    }

    private final URI source;
    private final List<Sample> samples;

    private Scrape(URI source, List<Sample> samples) {
        this.source = source;
        this.samples = samples;
    }

    /** GETs the endpoint; fails unless it answers 200 in the text format. */
    public static Scrape of(URI endpoint) {
        HttpResponse<String> answer = Http.send(Http.request(endpoint).header("Accept", "text/plain").GET().build());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("%s answered %d".formatted(endpoint, answer.statusCode()));
        }
        return parse(endpoint, answer.body());
    }

    static Scrape parse(URI source, String text) {
        List<Sample> samples = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int brace = line.indexOf('{');
            int space = line.lastIndexOf(' ');
            Map<String, String> labels = new LinkedHashMap<>();
            String name;
            if (brace >= 0 && brace < space) {
                name = line.substring(0, brace);
                Matcher label = LABEL.matcher(line.substring(brace, line.lastIndexOf('}')));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            } else {
                name = line.substring(0, line.indexOf(' '));
            }
            String value = line.substring(line.indexOf(' ', Math.max(line.lastIndexOf('}'), 0)) + 1).trim().split(" ")[0];
            samples.add(new Sample(name, labels, Double.parseDouble(value)));
        }
        return new Scrape(source, samples);
    }

    /** The sum of every sample of {@code name} whose labels include all of {@code labels}; 0 when none. */
    public double sum(String name, Map<String, String> labels) {
        return samples.stream()
                .filter(s -> s.name().equals(name) && s.labels().entrySet().containsAll(labels.entrySet()))
                .mapToDouble(Sample::value)
                .sum();
    }

    public double sum(String name) {
        return sum(name, Map.of());
    }

    /** True when some sample of {@code name} exists, whatever its value. */
    public boolean has(String name) {
        return samples.stream().anyMatch(s -> s.name().equals(name));
    }

    /** The values of one label over every sample of {@code name}. */
    public List<String> labelValues(String name, String label) {
        return samples.stream().filter(s -> s.name().equals(name)).map(s -> s.labels().get(label)).distinct().toList();
    }

    @Override
    public String toString() {
        return "scrape of %s (%d samples)".formatted(source, samples.size());
    }
}
