# -*- Python -*-
# The gtest binaries under build/unittests, each test case a lit test.
import os

import lit.formats

config.name = "HSPMD-Unit"
config.suffixes = []
config.test_exec_root = os.path.join(config.hspmd_obj_root, "unittests")
config.test_source_root = config.test_exec_root
config.test_format = lit.formats.GoogleTest(".", "Tests")
