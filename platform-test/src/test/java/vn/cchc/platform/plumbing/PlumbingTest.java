package vn.cchc.platform.plumbing;

import vn.cchc.platform.test.ServiceTest;

/** The plumbing contract on the embedded broker and the embedded MongoDB (runs everywhere). */
@ServiceTest
class PlumbingTest extends PlumbingContract {

}
