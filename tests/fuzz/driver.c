/* Runs a libFuzzer target over the files named on the command line, for
 * builds without libFuzzer: the seed corpus becomes a regression test. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
    int i;

    for (i = 1; i < argc; i++) {
        FILE *f = fopen(argv[i], "rb");
        unsigned char *buf = NULL;
        size_t len = 0, cap = 0, got;
        if (!f) {
            fprintf(stderr, "%s: cannot open\n", argv[i]);
            return 1;
        }
        do {
            if (len + 65536 > cap) {
                unsigned char *p = realloc(buf, cap = (len + 65536) * 2);
                if (!p)
                    return 1;
                buf = p;
            }
            got = fread(buf + len, 1, cap - len, f);
            len += got;
        } while (got);
        fclose(f);
        LLVMFuzzerTestOneInput(buf, len);
        free(buf);
    }
    printf("%d inputs run\n", argc - 1);
    return 0;
}
