/*
 * icu_floor: the physical floor for rxtext lint.
 *
 * Reads every *.txt file under the given paths (files or directories, recursively) and runs ICU
 * word and sentence break iteration over each file's UTF-8 bytes (utext_openUTF8 + ubrk_setUText;
 * word iterator locale "en", sentence iterator "en@ss=standard"), counting boundaries. Nothing
 * else: no normalisation, no lexicon, no output but the totals. With --jobs N, N pthreads take
 * files from a shared queue, each with its own pair of break iterators.
 *
 * Build:
 *   gcc -O2 -o Benchmarks/out/icu_floor Benchmarks/icu_floor.c \
 *       $(pkg-config --cflags --libs icu-uc icu-i18n) -lpthread
 * Run:
 *   Benchmarks/out/icu_floor [--jobs N] PATH...
 */
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <unicode/ubrk.h>
#include <unicode/utext.h>

static char **files;
static size_t nfiles, capfiles;
static atomic_size_t next_file;

static void add_file(const char *path) {
    if (nfiles == capfiles) {
        capfiles = capfiles ? capfiles * 2 : 1024;
        files = realloc(files, capfiles * sizeof *files);
    }
    files[nfiles++] = strdup(path);
}

static int ends_with_txt(const char *s) {
    size_t n = strlen(s);
    return n >= 4 && strcmp(s + n - 4, ".txt") == 0;
}

static int cmp_str(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

static void walk(const char *path, int explicit) {
    struct stat st;
    if (stat(path, &st) != 0) { fprintf(stderr, "%s: %s\n", path, strerror(errno)); exit(2); }
    if (S_ISREG(st.st_mode)) {
        if (explicit || ends_with_txt(path)) add_file(path);
        return;
    }
    if (!S_ISDIR(st.st_mode)) return;
    DIR *d = opendir(path);
    if (!d) { fprintf(stderr, "%s: %s\n", path, strerror(errno)); exit(2); }
    struct dirent *e;
    while ((e = readdir(d))) {
        if (e->d_name[0] == '.') continue;
        char *child;
        if (asprintf(&child, "%s/%s", path, e->d_name) < 0) exit(2);
        walk(child, 0);
        free(child);
    }
    closedir(d);
}

struct result {
    unsigned long long bytes, words, sentences;
};

static void *worker(void *arg) {
    struct result *r = arg;
    UErrorCode status = U_ZERO_ERROR;
    UBreakIterator *wb = ubrk_open(UBRK_WORD, "en", NULL, 0, &status);
    UBreakIterator *sb = ubrk_open(UBRK_SENTENCE, "en@ss=standard", NULL, 0, &status);
    if (U_FAILURE(status)) { fprintf(stderr, "ubrk_open: %s\n", u_errorName(status)); exit(2); }
    size_t cap = 0;
    char *buf = NULL;
    for (;;) {
        size_t i = atomic_fetch_add(&next_file, 1);
        if (i >= nfiles) break;
        int fd = open(files[i], O_RDONLY);
        if (fd < 0) { fprintf(stderr, "%s: %s\n", files[i], strerror(errno)); exit(2); }
        struct stat st;
        fstat(fd, &st);
        size_t size = (size_t)st.st_size;
        if (size + 1 > cap) { cap = size + 1; buf = realloc(buf, cap); }
        size_t got = 0;
        while (got < size) {
            ssize_t n = read(fd, buf + got, size - got);
            if (n <= 0) { fprintf(stderr, "%s: read error\n", files[i]); exit(2); }
            got += (size_t)n;
        }
        close(fd);
        r->bytes += size;

        UText *ut = utext_openUTF8(NULL, buf, (int64_t)size, &status);
        ubrk_setUText(wb, ut, &status);
        ubrk_setUText(sb, ut, &status);
        if (U_FAILURE(status)) { fprintf(stderr, "%s: %s\n", files[i], u_errorName(status)); exit(2); }
        for (int32_t p = ubrk_first(wb); p != UBRK_DONE; p = ubrk_next(wb)) r->words++;
        for (int32_t p = ubrk_first(sb); p != UBRK_DONE; p = ubrk_next(sb)) r->sentences++;
        utext_close(ut);
    }
    free(buf);
    ubrk_close(wb);
    ubrk_close(sb);
    return NULL;
}

int main(int argc, char **argv) {
    int jobs = 1;
    int first = 1;
    for (; first < argc; first++) {
        if (strcmp(argv[first], "--jobs") == 0 && first + 1 < argc) jobs = atoi(argv[++first]);
        else if (strncmp(argv[first], "--jobs=", 7) == 0) jobs = atoi(argv[first] + 7);
        else break;
    }
    if (first >= argc || jobs < 1) {
        fprintf(stderr, "usage: icu_floor [--jobs N] PATH...\n");
        return 2;
    }
    struct timespec t0, t1;
    clock_gettime(CLOCK_MONOTONIC, &t0);
    for (int i = first; i < argc; i++) walk(argv[i], 1);
    qsort(files, nfiles, sizeof *files, cmp_str);

    pthread_t *threads = calloc((size_t)jobs, sizeof *threads);
    struct result *results = calloc((size_t)jobs, sizeof *results);
    for (int j = 0; j < jobs; j++) pthread_create(&threads[j], NULL, worker, &results[j]);
    struct result total = {0, 0, 0};
    for (int j = 0; j < jobs; j++) {
        pthread_join(threads[j], NULL);
        total.bytes += results[j].bytes;
        total.words += results[j].words;
        total.sentences += results[j].sentences;
    }
    clock_gettime(CLOCK_MONOTONIC, &t1);
    double secs = (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
    printf("{\"files\": %zu, \"bytes\": %llu, \"word_boundaries\": %llu, \"sentence_boundaries\": %llu, "
           "\"jobs\": %d, \"seconds\": %.6f}\n",
           nfiles, total.bytes, total.words, total.sentences, jobs, secs);
    return 0;
}
